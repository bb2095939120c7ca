#include "introspect/yaml_node.h"

#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace schemadiff::yaml {
namespace {

// Edit distance between two strings counting insertions, deletions, substitutions and swaps of
// two neighbouring characters (optimal string alignment), so "emial" is one edit from "email".
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// At most 60 bytes of `text` (cut at a UTF-8 character boundary), "..." when cut.
std::string Snippet(std::string_view text) {
  constexpr size_t kMax = 60;
  if (text.size() <= kMax) return std::string(text);
  size_t end = kMax - 3;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return absl::StrCat(Absl(text.substr(0, end)), "...");
}

// How a value looks, for "got ..." in messages.
std::string Describe(Node node) {
  switch (node.Type()) {
    case NodeType::kScalar:
      return absl::StrCat("'", Snippet(node.Scalar()), "'");
    case NodeType::kSequence:
      return "a list";
    case NodeType::kMap:
      return "a mapping";
    default:
      return "nothing";
  }
}

// "'key' of <what>".
std::string KeyOf(const Mapping& map, const Entry& entry) {
  return absl::StrCat("'", Absl(entry.key), "' of ", map.what());
}

// Reads a mapping node's pairs into `out` (in order), expanding merge keys. Keys in `skip` are
// left out (they are set explicitly by the mapping that merges this one).
// `merge_budget` is how many more entries merge keys may copy (see kMaxMergedEntries).
absl::Status ReadPairs(const ErrorSink& errors, Node node, const std::string& what,
                       const std::set<std::string>& skip, std::vector<Entry>& out,
                       size_t& merge_budget);

// How many entries the merge keys of one mapping may copy in all, counting merges inside merged
// mappings. Far more than any schema needs; it stops a few lines of anchors that merge each
// other twice per level from costing time that doubles with every level.
constexpr size_t kMaxMergedEntries = 100000;

// Adds the entries of a merge key's value (a mapping or a list of mappings) to `out`, except
// keys already present in `out` or in `skip`.
absl::Status Merge(const ErrorSink& errors, Node value, const Mark& mark, const std::string& what,
                   const std::set<std::string>& skip, std::vector<Entry>& out,
                   size_t& merge_budget) {
  std::vector<Node> sources;
  if (value.IsMap()) {
    sources.push_back(value);
  } else if (value.IsSequence()) {
    for (Node item : value) sources.push_back(item);
  }
  if (sources.empty() ||
      std::any_of(sources.begin(), sources.end(), [](Node n) { return !n.IsMap(); })) {
    return errors.At(
        mark, absl::StrCat("the merge key '<<' in ", what,
                           " expects a mapping or a list of mappings, got ", Describe(value)));
  }
  for (Node source : sources) {
    if (source.size() > merge_budget) {
      return errors.At(mark, absl::StrCat("the merge keys of ", what, " copy more than ",
                                          kMaxMergedEntries, " entries"));
    }
    merge_budget -= source.size();
    std::set<std::string> taken = skip;
    for (const Entry& entry : out) taken.emplace(entry.key);
    RETURN_IF_ERROR(ReadPairs(errors, source, what, taken, out, merge_budget));
  }
  return absl::OkStatus();
}

// True for the merge key `<<` (plain, not quoted).
bool IsMergeKey(Node key) { return key.Scalar() == "<<" && !key.IsQuoted(); }

// An error at the earliest key of `node` that is not a scalar or repeats an earlier one. Sorts
// the keys instead of filling a set, since every column is a mapping.
absl::Status CheckKeysOf(const ErrorSink& errors, Node node, const std::string& what) {
  size_t scalars = 0;  // the keys before the first non-scalar one
  while (scalars < node.size() && node.Key(scalars).IsScalar()) ++scalars;
  std::vector<std::pair<std::string_view, size_t>> keys;
  keys.reserve(scalars);
  for (size_t i = 0; i < scalars; ++i) {
    if (!IsMergeKey(node.Key(i))) keys.emplace_back(node.Key(i).Scalar(), i);
  }
  std::sort(keys.begin(), keys.end());
  std::optional<std::pair<size_t, size_t>> duplicate;  // (first, repeated) key indexes
  for (size_t i = 1, first = 0; i < keys.size(); ++i) {
    if (keys[i].first != keys[first].first) {
      first = i;
    } else if (!duplicate || keys[i].second < duplicate->second) {
      duplicate = {keys[first].second, keys[i].second};
    }
  }
  if (duplicate) {
    const Node repeated = node.Key(duplicate->second);
    return errors.At(
        repeated.Mark(),
        absl::StrCat("duplicate key '", repeated.Scalar(), "' in ", what, " (first at line ",
                     node.Key(duplicate->first).Mark().line + 1, ")"));
  }
  if (scalars == node.size()) return absl::OkStatus();
  const Node key = node.Key(scalars);
  return errors.At(key.Mark(),
                   absl::StrCat("expected a plain key in ", what, ", got ", Describe(key)));
}

absl::Status ReadPairs(const ErrorSink& errors, Node node, const std::string& what,
                       const std::set<std::string>& skip, std::vector<Entry>& out,
                       size_t& merge_budget) {
  RETURN_IF_ERROR(CheckKeysOf(errors, node, what));
  // Keys written explicitly in this mapping win over merged ones wherever they appear.
  bool merges = false;
  for (size_t i = 0; i < node.size(); ++i) merges = merges || IsMergeKey(node.Key(i));
  std::set<std::string> merged_skip;
  if (merges) {
    merged_skip = skip;
    for (size_t i = 0; i < node.size(); ++i) {
      if (!IsMergeKey(node.Key(i))) merged_skip.insert(node.Key(i).Scalar());
    }
  }
  out.reserve(out.size() + node.size());
  for (size_t i = 0; i < node.size(); ++i) {
    const Node key = node.Key(i);
    const Node value = node.Value(i);
    if (IsMergeKey(key)) {
      RETURN_IF_ERROR(Merge(errors, value, key.Mark(), what, merged_skip, out, merge_budget));
      continue;
    }
    if (!skip.empty() && skip.count(key.Scalar()) > 0) continue;
    out.push_back(
        Entry{key.Scalar(), value, key.Mark(), value.IsNull() ? key.Mark() : value.Mark()});
  }
  return absl::OkStatus();
}

// The regular expression of a YAML 1.2 core-schema decimal number.
const std::regex& NumberPattern() {
  static const std::regex kNumber(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  return kNumber;
}

}  // namespace

std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  const std::string lower = absl::AsciiStrToLower(Absl(word));
  if (lower.empty()) return std::nullopt;
  // Close enough: a third of the word may change (1 to 3 edits), never all of it.
  const size_t limit = std::min(std::clamp<size_t>(lower.size() / 3, 1, 3), lower.size() - 1);
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // Lengths further apart than the limit cannot be close; skipping them also keeps a huge
    // hostile word from costing a huge distance table.
    const size_t gap = lower.size() > candidate.size() ? lower.size() - candidate.size()
                                                       : candidate.size() - lower.size();
    if (gap > limit) continue;
    const size_t distance = EditDistance(lower, absl::AsciiStrToLower(candidate));
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> match = ClosestMatch(word, candidates);
  return match ? absl::StrCat("; did you mean '", *match, "'?") : "";
}

absl::StatusOr<Mapping> Mapping::Read(const ErrorSink& errors, Node node, const Mark& mark,
                                      std::string what) {
  Mapping map;
  map.errors_ = &errors;
  map.mark_ = mark;
  map.what_ = std::move(what);
  if (node.IsNull()) return map;
  if (!node.IsMap()) {
    return errors.At(mark,
                     absl::StrCat("expected a mapping for ", map.what_, ", got ", Describe(node)));
  }
  size_t merge_budget = kMaxMergedEntries;
  RETURN_IF_ERROR(ReadPairs(errors, node, map.what_, {}, map.entries_, merge_budget));
  return map;
}

absl::Status Mapping::CheckKeys(const std::vector<std::string>& allowed,
                                bool allow_extensions) const {
  for (const Entry& entry : entries_) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
    if (allow_extensions && entry.key.rfind("x-", 0) == 0) continue;
    std::string hint = DidYouMean(entry.key, allowed);
    if (hint.empty()) hint = absl::StrCat(" (expected one of: ", absl::StrJoin(allowed, ", "), ")");
    return errors_->At(entry.key_mark,
                       absl::StrCat("unknown key '", Snippet(entry.key), "' in ", what_, hint));
  }
  return absl::OkStatus();
}

const Entry* Mapping::Find(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

bool IsPlainNull(Node node) {
  if (node.IsNull()) return true;
  if (!node.IsScalar() || node.IsQuoted()) return false;
  const std::string& s = node.Scalar();
  return s == "null" || s == "Null" || s == "NULL" || s == "~";
}

std::optional<bool> PlainBool(Node node) {
  if (!node.IsScalar() || node.IsQuoted()) return std::nullopt;
  const std::string& s = node.Scalar();
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

bool IsPlainNumber(Node node) {
  return node.IsScalar() && !node.IsQuoted() && std::regex_match(node.Scalar(), NumberPattern());
}

absl::StatusOr<std::string> ReadString(const Mapping& map, const Entry& entry) {
  if (!entry.value.IsScalar()) {
    return map.errors().At(
        entry.value_mark,
        absl::StrCat("expected a string for ", KeyOf(map, entry), ", got ", Describe(entry.value)));
  }
  return entry.value.Scalar();
}

absl::StatusOr<bool> ReadBool(const Mapping& map, const Entry& entry) {
  std::optional<bool> value = PlainBool(entry.value);
  if (!value) {
    return map.errors().At(entry.value_mark,
                           absl::StrCat("expected true or false for ", KeyOf(map, entry), ", got ",
                                        Describe(entry.value)));
  }
  return *value;
}

absl::StatusOr<long long> ReadInt(const Mapping& map, const Entry& entry) {
  long long value = 0;
  static const std::regex kInteger(R"([-+]?[0-9]+)");
  if (!entry.value.IsScalar() || entry.value.IsQuoted() ||
      !std::regex_match(entry.value.Scalar(), kInteger) ||
      !absl::SimpleAtoi(entry.value.Scalar(), &value)) {
    return map.errors().At(entry.value_mark,
                           absl::StrCat("expected an integer for ", KeyOf(map, entry), ", got ",
                                        Describe(entry.value)));
  }
  return value;
}

absl::StatusOr<std::string> ReadChoice(const Mapping& map, const Entry& entry,
                                       const std::vector<std::string>& allowed) {
  if (entry.value.IsScalar()) {
    const std::string lower = absl::AsciiStrToLower(entry.value.Scalar());
    if (std::find(allowed.begin(), allowed.end(), lower) != allowed.end()) return lower;
  }
  const std::string hint =
      entry.value.IsScalar() ? DidYouMean(entry.value.Scalar(), allowed) : std::string();
  return map.errors().At(entry.value_mark,
                         absl::StrCat("expected one of ", absl::StrJoin(allowed, ", "), " for ",
                                      KeyOf(map, entry), ", got ", Describe(entry.value), hint));
}

absl::StatusOr<std::vector<Item>> ReadSequence(const Mapping& map, const Entry& entry) {
  std::vector<Item> items;
  if (entry.value.IsNull()) return items;
  if (!entry.value.IsSequence()) {
    return map.errors().At(entry.value_mark, absl::StrCat("expected a list for ", KeyOf(map, entry),
                                                          ", got ", Describe(entry.value)));
  }
  for (Node item : entry.value) {
    items.push_back(Item{item, item.IsNull() ? entry.value_mark : item.Mark()});
  }
  return items;
}

absl::StatusOr<std::vector<std::string>> ReadStringList(const Mapping& map, const Entry& entry,
                                                        bool allow_single,
                                                        std::vector<Mark>* marks) {
  std::vector<std::string> out;
  if (allow_single && entry.value.IsScalar()) {
    if (marks != nullptr) marks->push_back(entry.value_mark);
    out.push_back(entry.value.Scalar());
    return out;
  }
  if (!entry.value.IsSequence()) {
    return map.errors().At(
        entry.value_mark, absl::StrCat("expected a list of names for ", KeyOf(map, entry), ", got ",
                                       Describe(entry.value)));
  }
  for (Node item : entry.value) {
    if (!item.IsScalar()) {
      return map.errors().At(item.IsNull() ? entry.value_mark : item.Mark(),
                             absl::StrCat("expected a name in the list ", KeyOf(map, entry),
                                          ", got ", Describe(item)));
    }
    if (marks != nullptr) marks->push_back(item.Mark());
    out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace schemadiff::yaml
