// Reading document nodes (yaml_tree.h) for the YAML schema loader: typed scalars, mappings with
// known keys and merge keys, and errors of the form "file:line:column: message".
#ifndef SCHEMADIFF_INTROSPECT_YAML_NODE_H_
#define SCHEMADIFF_INTROSPECT_YAML_NODE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "introspect/yaml_tree.h"

namespace schemadiff::yaml {

// The closest of `candidates` to `word` when it is close enough to be a likely typo.
std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "" when nothing is close.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

// One key of a mapping. The key's text belongs to the Document it was read from.
struct Entry {
  std::string_view key;
  Node value;
  Mark key_mark;
  Mark value_mark;  // the key's mark when the value is empty
};

// A YAML mapping read in document order, with merge keys ("<<: *anchor") expanded and duplicate
// keys rejected.
class Mapping {
 public:
  // Reads `node` as a mapping; `what` names it in errors ("column 'users.id'"). An empty value
  // (`key:` with nothing after it) reads as an empty mapping.
  static absl::StatusOr<Mapping> Read(const ErrorSink& errors, Node node, const Mark& mark,
                                      std::string what);

  // An error at the first key not in `allowed`, suggesting the closest allowed key. Keys
  // starting with "x-" are allowed too when `allow_extensions` (user data, e.g. anchors).
  absl::Status CheckKeys(const std::vector<std::string>& allowed,
                         bool allow_extensions = false) const;

  // The entry for `key`, or nullptr.
  const Entry* Find(std::string_view key) const;

  const std::vector<Entry>& entries() const { return entries_; }
  const Mark& mark() const { return mark_; }
  const std::string& what() const { return what_; }
  const ErrorSink& errors() const { return *errors_; }

 private:
  const ErrorSink* errors_ = nullptr;
  Mark mark_;
  std::string what_;
  std::vector<Entry> entries_;
};

// Plain scalars with YAML 1.2 core-schema meaning.
bool IsPlainNull(Node node);
std::optional<bool> PlainBool(Node node);
// A plain decimal number (integer or float, optional sign and exponent).
bool IsPlainNumber(Node node);

// Typed values of a mapping entry; errors name the key and `map.what()`.
absl::StatusOr<std::string> ReadString(const Mapping& map, const Entry& entry);
absl::StatusOr<bool> ReadBool(const Mapping& map, const Entry& entry);
absl::StatusOr<long long> ReadInt(const Mapping& map, const Entry& entry);
// One of `allowed` (compared case-insensitively), returned lower-cased.
absl::StatusOr<std::string> ReadChoice(const Mapping& map, const Entry& entry,
                                       const std::vector<std::string>& allowed);

// A list item or string-list element with its position.
struct Item {
  Node node;
  Mark mark;
};

// The items of a sequence value; an error when the value is not a sequence.
absl::StatusOr<std::vector<Item>> ReadSequence(const Mapping& map, const Entry& entry);
// A list of strings; `allow_single` also accepts one string for a one-element list.
absl::StatusOr<std::vector<std::string>> ReadStringList(const Mapping& map, const Entry& entry,
                                                        bool allow_single,
                                                        std::vector<Mark>* marks = nullptr);

}  // namespace schemadiff::yaml

#endif  // SCHEMADIFF_INTROSPECT_YAML_NODE_H_
