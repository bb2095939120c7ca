// The one file that talks to libyaml: its parser's events become a Document, its errors located
// statuses.
#include "introspect/yaml_tree.h"

#include <yaml.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/strings.h"

namespace schemadiff::yaml {
namespace {

const std::string kEmpty;

// How deep sequences and mappings may nest. A schema needs a handful of levels; the limit keeps
// hostile input from costing libyaml time that grows with the square of the depth.
constexpr size_t kMaxDepth = 100;

Mark MarkOf(const yaml_mark_t& mark) {
  return Mark{static_cast<int>(mark.line), static_cast<int>(mark.column)};
}

// The line and column of byte `offset` of `text`, for errors libyaml reports by offset only.
Mark MarkAtOffset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const size_t line_start = before.rfind('\n');
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const auto column =
      static_cast<int>(line_start == std::string_view::npos ? offset : offset - line_start - 1);
  return Mark{line, column};
}

// The parser's error, located: "invalid YAML: <problem> <context> at line L, column C".
absl::Status SyntaxError(const yaml_parser_t& parser, std::string_view text,
                         const ErrorSink& errors) {
  if (parser.error == YAML_MEMORY_ERROR) {
    return absl::ResourceExhaustedError("out of memory while parsing YAML");
  }
  std::string message = absl::StrCat("invalid YAML: ", parser.problem ? parser.problem : "error");
  if (parser.error == YAML_READER_ERROR) {
    if (parser.problem_value != -1) {
      absl::StrAppendFormat(&message, " (byte 0x%02X)", parser.problem_value);
    }
    return errors.At(MarkAtOffset(text, parser.problem_offset), message);
  }
  const yaml_mark_t& at = parser.problem_mark;
  if (at.index < text.size() && text[at.index] == '\t') {
    absl::StrAppend(&message, " (a tab: YAML indents with spaces)");
  }
  if (parser.context != nullptr) {
    absl::StrAppend(&message, " ", parser.context);
    const yaml_mark_t& context = parser.context_mark;
    if (context.line != at.line || context.column != at.column) {
      absl::StrAppend(&message, " started at line ", context.line + 1, ", column ",
                      context.column + 1);
    }
  }
  return errors.At(MarkOf(at), message);
}

// True for a plain scalar without a tag that YAML reads as null.
bool IsNullScalar(const yaml_event_t& event) {
  const auto& scalar = event.data.scalar;
  if (scalar.style != YAML_PLAIN_SCALAR_STYLE || scalar.tag != nullptr) return false;
  const std::string_view value(reinterpret_cast<const char*>(scalar.value), scalar.length);
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

// The text of a scalar, anchor or alias name.
std::string_view Text(const yaml_char_t* text) {
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// Owns a libyaml parser.
class Parser {
 public:
  explicit Parser(std::string_view text) {
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (ok_) {
      yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                   text.size());
    }
  }
  ~Parser() { yaml_parser_delete(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool ok() const { return ok_; }
  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_;
  bool ok_ = false;
};

// Owns one parsed event.
class Event {
 public:
  Event() = default;
  ~Event() {
    if (parsed_) yaml_event_delete(&event_);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  // Reads the next event of `parser`; false on a syntax error.
  bool Next(yaml_parser_t* parser) {
    parsed_ = yaml_parser_parse(parser, &event_) != 0;
    return parsed_;
  }
  const yaml_event_t& get() const { return event_; }

 private:
  yaml_event_t event_;
  bool parsed_ = false;
};

}  // namespace

// Builds a Document from parser events.
class TreeBuilder {
 public:
  // Parses the one document of `text`, stopping early at the root's `stop_key` if given.
  static absl::StatusOr<Document> Run(std::string_view text,
                                      std::optional<std::string_view> stop_key,
                                      const ErrorSink& errors) {
    Document document;
    Parser parser(text);
    if (!parser.ok()) return absl::ResourceExhaustedError("cannot start the YAML parser");
    TreeBuilder builder(document, stop_key);
    while (!builder.done_) {
      Event event;
      if (!event.Next(parser.get())) return SyntaxError(*parser.get(), text, errors);
      const absl::Status handled = builder.Handle(event.get(), errors);
      if (!handled.ok()) return handled;
    }
    return document;
  }

 private:
  TreeBuilder(Document& document, std::optional<std::string_view> stop_key)
      : document_(document), stop_key_(stop_key) {}

  // Adds what `event` says to the document.
  absl::Status Handle(const yaml_event_t& event, const ErrorSink& errors) {
    const Mark mark = MarkOf(event.start_mark);
    switch (event.type) {
      case YAML_SCALAR_EVENT: {
        const auto& scalar = event.data.scalar;
        if (IsNullScalar(event)) {
          Finish(Open(NodeType::kNull, mark, scalar.anchor));
          break;
        }
        NodeData* node = Open(NodeType::kScalar, mark, scalar.anchor);
        node->quoted = scalar.style != YAML_PLAIN_SCALAR_STYLE;
        node->scalar.assign(reinterpret_cast<const char*>(scalar.value), scalar.length);
        Finish(node);
        break;
      }
      case YAML_ALIAS_EVENT: {
        const std::string_view name = Text(event.data.alias.anchor);
        const auto found = anchors_.find(Absl(name));
        if (found == anchors_.end()) {
          return errors.At(mark, absl::StrCat("invalid YAML: the alias *", Absl(name),
                                              " refers to no anchor defined before it"));
        }
        if (!found->second->complete) {
          return errors.At(mark,
                           "invalid YAML: an alias cannot be used inside the node it refers to");
        }
        Add(found->second);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        if (open_.size() >= kMaxDepth) return TooDeep(mark, errors);
        open_.push_back(
            {Open(NodeType::kSequence, mark, event.data.sequence_start.anchor), pending_.size()});
        break;
      case YAML_MAPPING_START_EVENT:
        if (open_.size() >= kMaxDepth) return TooDeep(mark, errors);
        open_.push_back(
            {Open(NodeType::kMap, mark, event.data.mapping_start.anchor), pending_.size()});
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        const NodeData* closed = Close();
        if (closed->expanded > kMaxExpandedNodes) {
          return errors.At(closed->mark,
                           absl::StrCat("invalid YAML: its aliases make this node stand for more "
                                        "than ",
                                        kMaxExpandedNodes, " nodes"));
        }
        break;
      }
      case YAML_DOCUMENT_START_EVENT:
        if (documents_++ > 0) {
          return errors.At(mark, "a schema file holds one YAML document; a second one starts here");
        }
        break;
      case YAML_STREAM_END_EVENT:
        done_ = true;
        break;
      default:
        break;
    }
    return absl::OkStatus();
  }

  // The error for a sequence or mapping nested deeper than kMaxDepth.
  static absl::Status TooDeep(const Mark& mark, const ErrorSink& errors) {
    return errors.At(mark, absl::StrCat("invalid YAML: lists and mappings nested more than ",
                                        kMaxDepth, " deep"));
  }

  // A new node, registered under its anchor (a later anchor of the same name replaces it).
  NodeData* Open(NodeType type, const Mark& mark, const yaml_char_t* anchor) {
    NodeData& node = document_.nodes_.emplace_back();
    node.type = type;
    node.mark = mark;
    if (anchor != nullptr) anchors_[std::string(Text(anchor))] = &node;
    return &node;
  }

  // Marks `node` read and adds it to its parent.
  void Finish(NodeData* node) {
    node->complete = true;
    Add(node);
  }

  // Ends the innermost open sequence or mapping, which it returns: its children move to the
  // document's list.
  NodeData* Close() {
    const OpenNode open = open_.back();
    open_.pop_back();
    std::vector<const NodeData*>& children = document_.children_;
    open.node->first_child = static_cast<uint32_t>(children.size());
    open.node->child_count = static_cast<uint32_t>(pending_.size() - open.first_pending);
    uint64_t expanded = 1;
    for (auto child = pending_.begin() + open.first_pending; child != pending_.end(); ++child) {
      expanded += (*child)->expanded;
    }
    open.node->expanded = static_cast<uint32_t>(std::min<uint64_t>(expanded, UINT32_MAX));
    children.insert(children.end(), pending_.begin() + open.first_pending, pending_.end());
    pending_.resize(open.first_pending);
    Finish(open.node);
    return open.node;
  }

  // Adds a finished node to the innermost open one, or makes it the root. Reading is done once
  // the root mapping has the stop key and its value.
  void Add(const NodeData* node) {
    if (open_.empty()) {
      if (document_.root_ == nullptr) document_.root_ = node;
      return;
    }
    pending_.push_back(node);
    const size_t count = pending_.size() - open_.back().first_pending;
    if (stop_key_ && open_.size() == 1 && open_.back().node->type == NodeType::kMap &&
        count % 2 == 0) {
      const NodeData* key = pending_[pending_.size() - 2];
      if (key->type == NodeType::kScalar && key->scalar == *stop_key_) {
        Close();  // the root, with the entries read so far
        done_ = true;
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
  bool done_ = false;
  int documents_ = 0;                     // documents started so far
  std::vector<OpenNode> open_;            // the sequences and mappings being read
  std::vector<const NodeData*> pending_;  // the children read so far of the open nodes
  absl::flat_hash_map<std::string, const NodeData*> anchors_;  // by anchor name
};

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

absl::StatusOr<Document> Document::Parse(std::string_view text, const ErrorSink& errors) {
  return TreeBuilder::Run(text, std::nullopt, errors);
}

absl::StatusOr<Document> Document::ParseUntilRootKey(std::string_view text, std::string_view key,
                                                     const ErrorSink& errors) {
  return TreeBuilder::Run(text, key, errors);
}

}  // namespace schemadiff::yaml
