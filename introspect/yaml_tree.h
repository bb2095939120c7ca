// A compact, read-only tree of one YAML document, built from libyaml's parser events. It holds
// what the schema loader reads (kind, scalar text, whether a scalar was quoted, position) and
// nothing else.
#ifndef SCHEMADIFF_INTROSPECT_YAML_TREE_H_
#define SCHEMADIFF_INTROSPECT_YAML_TREE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "introspect/yaml_mark.h"

namespace schemadiff::yaml {

// What a node is. A plain empty, `~` or `null` scalar without a tag is kNull.
enum class NodeType : uint8_t { kNull, kScalar, kSequence, kMap };

// How many nodes a document may read as once its aliases are followed: ten times a
// 10,000-table schema. A few lines of aliases can otherwise stand for billions of nodes.
inline constexpr uint32_t kMaxExpandedNodes = 10'000'000;

// One node of a document. An alias is the node of its anchor, shared.
struct NodeData {
  NodeType type = NodeType::kNull;
  bool quoted = false;       // a scalar written in quotes or as a block scalar
  bool complete = false;     // all of its children are read
  uint32_t first_child = 0;  // its children (sequence items, or mapping keys and values in
  uint32_t child_count = 0;  // turn) are these entries of the document's child list
  uint32_t expanded = 1;     // nodes under it and itself, an alias counting all of its node's
  Mark mark;
  std::string scalar;
};

// A handle on a node of a Document, valid while the Document lives. The default handle is a
// null node without a position.
class Node {
 public:
  Node() = default;
  // `children` is the document's child list.
  Node(const NodeData* data, const NodeData* const* children) : data_(data), children_(children) {}

  NodeType Type() const { return data_ ? data_->type : NodeType::kNull; }
  bool IsNull() const { return Type() == NodeType::kNull; }
  bool IsScalar() const { return Type() == NodeType::kScalar; }
  bool IsSequence() const { return Type() == NodeType::kSequence; }
  bool IsMap() const { return Type() == NodeType::kMap; }
  // True for a scalar written in quotes or as a block scalar: always a string.
  bool IsQuoted() const { return data_ != nullptr && data_->quoted; }
  // The text of a scalar ("" for other nodes).
  const std::string& Scalar() const;
  yaml::Mark Mark() const { return data_ ? data_->mark : yaml::Mark(); }

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
  // Parses the document of `text` (a null root when there is none). Invalid YAML, a second
  // document, an alias inside the node it refers to or to no anchor, and aliases that make the
  // document read as more than kMaxExpandedNodes nodes are errors located by `errors`.
  static absl::StatusOr<Document> Parse(std::string_view text, const ErrorSink& errors);

  // Like Parse, but stops reading once the root mapping has an entry with the key `key` and its
  // value: the root then holds the entries up to that one. For reading one top-level key of a
  // large file.
  static absl::StatusOr<Document> ParseUntilRootKey(std::string_view text, std::string_view key,
                                                    const ErrorSink& errors);

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
