#include "introspect/yaml_tree.h"

#include <istream>
#include <optional>
#include <streambuf>

#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/exceptions.h"
#include "yaml-cpp/parser.h"

namespace schemadiff::yaml {
namespace {

// An input stream buffer reading a string it does not own.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only read: get area, no put area
    setg(begin, begin, begin + text.size());
  }
};

// Thrown by the builder to end reading early (ParseUntilRootKey); caught in RunParser.
struct StopReading {};

const std::string kEmpty;

}  // namespace

// Builds a Document from parser events, the way yaml-cpp's own node builder does.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Document& document, std::optional<std::string_view> stop_key)
      : document_(document), stop_key_(stop_key) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Finish(Open(YAML::NodeType::Null, mark, anchor));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const NodeData* target = anchor < anchors_.size() ? anchors_[anchor] : nullptr;
    if (target == nullptr || !target->complete) {
      throw YAML::ParserException(mark, "an alias cannot be used inside the node it refers to");
    }
    Add(target);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    NodeData* node = Open(YAML::NodeType::Scalar, mark, anchor);
    node->quoted = tag == "!";  // yaml-cpp tags quoted and block scalars "!", plain ones "?"
    node->scalar = value;
    Finish(node);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_.push_back({Open(YAML::NodeType::Sequence, mark, anchor), pending_.size()});
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_.push_back({Open(YAML::NodeType::Map, mark, anchor), pending_.size()});
  }
  void OnMapEnd() override { Close(); }

 private:
  // A new node, registered under its anchor.
  NodeData* Open(YAML::NodeType::value type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    NodeData& node = document_.nodes_.emplace_back();
    node.type = static_cast<uint8_t>(type);
    node.mark = mark;
    if (anchor != YAML::NullAnchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, nullptr);
      anchors_[anchor] = &node;
    }
    return &node;
  }

  // Marks `node` read and adds it to its parent.
  void Finish(NodeData* node) {
    node->complete = true;
    Add(node);
  }

  // Ends the innermost open sequence or mapping: its children move to the document's list.
  void Close() {
    const OpenNode open = open_.back();
    open_.pop_back();
    std::vector<const NodeData*>& children = document_.children_;
    open.node->first_child = static_cast<uint32_t>(children.size());
    open.node->child_count = static_cast<uint32_t>(pending_.size() - open.first_pending);
    children.insert(children.end(), pending_.begin() + open.first_pending, pending_.end());
    pending_.resize(open.first_pending);
    Finish(open.node);
  }

  // Adds a finished node to the innermost open one, or makes it the root.
  void Add(const NodeData* node) {
    if (open_.empty()) {
      if (document_.root_ == nullptr) document_.root_ = node;
      return;
    }
    pending_.push_back(node);
    const size_t count = pending_.size() - open_.back().first_pending;
    if (stop_key_ && open_.size() == 1 && open_.back().node->type == YAML::NodeType::Map &&
        count % 2 == 0) {
      const NodeData* key = pending_[pending_.size() - 2];
      if (key->type == YAML::NodeType::Scalar && key->scalar == *stop_key_) {
        Close();  // the root, with the entries read so far
        throw StopReading();
      }
    }
  }

  // A sequence or mapping being read, and where its children start in pending_.
  struct OpenNode {
    NodeData* node;
    size_t first_pending;
  };

  Document& document_;
  std::optional<std::string_view> stop_key_;
  std::vector<OpenNode> open_;            // the sequences and mappings being read
  std::vector<const NodeData*> pending_;  // the children read so far of the open nodes
  std::vector<const NodeData*> anchors_;  // by anchor number
};

namespace {

// Reads the first document of `text` into a new Document.
Document RunParser(std::string_view text, std::optional<std::string_view> stop_key,
                   Document document) {
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  TreeBuilder builder(document, stop_key);
  try {
    parser.HandleNextDocument(builder);
  } catch (const StopReading&) {
    // The root has the wanted key; the rest of the text is not needed.
  }
  return document;
}

}  // namespace

const std::string& Node::Scalar() const { return IsScalar() ? data_->scalar : kEmpty; }

size_t Node::size() const {
  if (data_ == nullptr) return 0;
  return IsMap() ? data_->child_count / 2 : data_->child_count;
}

Node::Iterator Node::begin() const {
  return Iterator(data_ != nullptr ? children_ + data_->first_child : nullptr, children_);
}

Node::Iterator Node::end() const {
  return Iterator(data_ != nullptr ? children_ + data_->first_child + data_->child_count : nullptr,
                  children_);
}

Document Document::Parse(std::string_view text) {
  return RunParser(text, std::nullopt, Document());
}

Document Document::ParseUntilRootKey(std::string_view text, std::string_view key) {
  return RunParser(text, key, Document());
}

}  // namespace schemadiff::yaml
