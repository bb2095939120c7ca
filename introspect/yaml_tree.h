// A compact, read-only tree of one YAML document, built from yaml-cpp's parser events. It holds
// what the schema loader reads (kind, scalar text, whether a scalar was quoted, position) in a
// fraction of the memory and time of a YAML::Node tree.
#ifndef SCHEMADIFF_INTROSPECT_YAML_TREE_H_
#define SCHEMADIFF_INTROSPECT_YAML_TREE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "yaml-cpp/yaml.h"

namespace schemadiff::yaml {

// One node of a document. An alias is the node of its anchor, shared.
struct NodeData {
  uint8_t type = YAML::NodeType::Null;  // a YAML::NodeType::value
  bool quoted = false;                  // a scalar written in quotes or as a block scalar
  bool complete = false;                // all of its children are read
  uint32_t first_child = 0;  // its children (sequence items, or mapping keys and values in
  uint32_t child_count = 0;  // turn) are these entries of the document's child list
  YAML::Mark mark;
  std::string scalar;
};

// A handle on a node of a Document, valid while the Document lives. The default handle is a
// null node without a position.
class Node {
 public:
  Node() = default;
  // `children` is the document's child list.
  Node(const NodeData* data, const NodeData* const* children) : data_(data), children_(children) {}

  YAML::NodeType::value Type() const {
    return data_ ? static_cast<YAML::NodeType::value>(data_->type) : YAML::NodeType::Null;
  }
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }
  // True for a scalar written in quotes or as a block scalar: always a string.
  bool IsQuoted() const { return data_ != nullptr && data_->quoted; }
  // The text of a scalar ("" for other nodes).
  const std::string& Scalar() const;
  YAML::Mark Mark() const { return data_ ? data_->mark : YAML::Mark::null_mark(); }

  // Items of a sequence, pairs of a mapping.
  size_t size() const;
  Node Item(size_t i) const { return Child(i); }
  Node Key(size_t i) const { return Child(2 * i); }
  Node Value(size_t i) const { return Child(2 * i + 1); }

  // Iterates over the items of a sequence.
  class Iterator {
   public:
    Iterator(const NodeData* const* at, const NodeData* const* children)
        : at_(at), children_(children) {}
    Node operator*() const { return Node(*at_, children_); }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    const NodeData* const* at_;
    const NodeData* const* children_;
  };
  Iterator begin() const;
  Iterator end() const;

 private:
  Node Child(size_t i) const { return Node(children_[data_->first_child + i], children_); }

  const NodeData* data_ = nullptr;
  const NodeData* const* children_ = nullptr;
};

// The nodes of one parsed document.
class Document {
 public:
  // Parses the first document of `text` (a null root when there is none). Throws
  // YAML::ParserException on invalid YAML, as YAML::Load does, and for an alias inside the node
  // it refers to.
  static Document Parse(std::string_view text);

  // Like Parse, but stops reading once the root mapping has an entry with the key `key` and its
  // value: the root then holds the entries up to that one. For reading one top-level key of a
  // large file.
  static Document ParseUntilRootKey(std::string_view text, std::string_view key);

  Node root() const { return Node(root_, children_.data()); }

  // Moving keeps the nodes where they are; a copy's nodes would point into the original.
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

 private:
  Document() = default;

  std::deque<NodeData> nodes_;             // a deque: nodes keep their address as it grows
  std::vector<const NodeData*> children_;  // the children of each node, one run per node
  const NodeData* root_ = nullptr;

  friend class TreeBuilder;
};

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_TREE_H_
