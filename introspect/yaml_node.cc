#include "introspect/yaml_node.h"

#include <algorithm>
#include <regex>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
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
std::string Describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return absl::StrCat("'", Snippet(node.Scalar()), "'");
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

// "'key' of <what>".
std::string KeyOf(const Mapping& map, const Entry& entry) {
  return absl::StrCat("'", entry.key, "' of ", map.what());
}

// Reads a mapping node's pairs into `out` (in order), expanding merge keys. Keys in `skip` are
// left out (they are set explicitly by the mapping that merges this one).
absl::Status ReadPairs(const ErrorSink& errors, const YAML::Node& node, const std::string& what,
                       const std::set<std::string>& skip, std::vector<Entry>& out);

// Adds the entries of a merge key's value (a mapping or a list of mappings) to `out`, except
// keys already present in `out` or in `skip`.
absl::Status Merge(const ErrorSink& errors, const YAML::Node& value, const YAML::Mark& mark,
                   const std::string& what, const std::set<std::string>& skip,
                   std::vector<Entry>& out) {
  std::vector<YAML::Node> sources;
  if (value.IsMap()) {
    sources.push_back(value);
  } else if (value.IsSequence()) {
    for (const YAML::Node& item : value) sources.push_back(item);
  }
  if (sources.empty() ||
      std::any_of(sources.begin(), sources.end(), [](const YAML::Node& n) { return !n.IsMap(); })) {
    return errors.At(
        mark, absl::StrCat("the merge key '<<' in ", what,
                           " expects a mapping or a list of mappings, got ", Describe(value)));
  }
  for (const YAML::Node& source : sources) {
    std::set<std::string> taken = skip;
    for (const Entry& entry : out) taken.insert(entry.key);
    RETURN_IF_ERROR(ReadPairs(errors, source, what, taken, out));
  }
  return absl::OkStatus();
}

absl::Status ReadPairs(const ErrorSink& errors, const YAML::Node& node, const std::string& what,
                       const std::set<std::string>& skip, std::vector<Entry>& out) {
  // Keys written explicitly in this mapping win over merged ones wherever they appear.
  std::map<std::string, YAML::Mark> explicit_keys;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      return errors.At(key.Mark(),
                       absl::StrCat("expected a plain key in ", what, ", got ", Describe(key)));
    }
    if (key.Scalar() == "<<" && !IsQuoted(key)) continue;
    auto [previous, inserted] = explicit_keys.emplace(key.Scalar(), key.Mark());
    if (!inserted) {
      return errors.At(key.Mark(),
                       absl::StrCat("duplicate key '", key.Scalar(), "' in ", what,
                                    " (first at line ", previous->second.line + 1, ")"));
    }
  }
  std::set<std::string> merged_skip = skip;
  for (const auto& [key, mark] : explicit_keys) merged_skip.insert(key);
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    if (key.Scalar() == "<<" && !IsQuoted(key)) {
      RETURN_IF_ERROR(Merge(errors, value, key.Mark(), what, merged_skip, out));
      continue;
    }
    if (skip.count(key.Scalar()) > 0) continue;
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

absl::Status ErrorSink::At(const YAML::Mark& mark, std::string_view message) const {
  // One line, whatever names and values the message quotes.
  const std::string line =
      absl::StrReplaceAll(Absl(message), {{"\n", "\\n"}, {"\r", "\\r"}, {"\t", "\\t"}});
  if (mark.is_null()) return absl::InvalidArgumentError(absl::StrCat(filename_, ": ", line));
  return absl::InvalidArgumentError(
      absl::StrCat(filename_, ":", mark.line + 1, ":", mark.column + 1, ": ", line));
}

std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  const std::string lower = absl::AsciiStrToLower(Absl(word));
  if (lower.empty()) return std::nullopt;
  // Close enough: a third of the word may change (1 to 3 edits), never all of it.
  const size_t limit = std::min(std::clamp<size_t>(lower.size() / 3, 1, 3), lower.size() - 1);
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
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

absl::StatusOr<Mapping> Mapping::Read(const ErrorSink& errors, const YAML::Node& node,
                                      const YAML::Mark& mark, std::string what) {
  Mapping map;
  map.errors_ = &errors;
  map.mark_ = mark;
  map.what_ = std::move(what);
  if (node.IsNull()) return map;
  if (!node.IsMap()) {
    return errors.At(mark,
                     absl::StrCat("expected a mapping for ", map.what_, ", got ", Describe(node)));
  }
  RETURN_IF_ERROR(ReadPairs(errors, node, map.what_, {}, map.entries_));
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

bool IsQuoted(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "!"; }

bool IsPlainNull(const YAML::Node& node) {
  if (node.IsNull()) return true;
  if (!node.IsScalar() || IsQuoted(node)) return false;
  const std::string& s = node.Scalar();
  return s == "null" || s == "Null" || s == "NULL" || s == "~";
}

std::optional<bool> PlainBool(const YAML::Node& node) {
  if (!node.IsScalar() || IsQuoted(node)) return std::nullopt;
  const std::string& s = node.Scalar();
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

bool IsPlainNumber(const YAML::Node& node) {
  return node.IsScalar() && !IsQuoted(node) && std::regex_match(node.Scalar(), NumberPattern());
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
  if (!entry.value.IsScalar() || IsQuoted(entry.value) ||
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
  for (const YAML::Node& item : entry.value) {
    items.push_back(Item{item, item.IsNull() ? entry.value_mark : item.Mark()});
  }
  return items;
}

absl::StatusOr<std::vector<std::string>> ReadStringList(const Mapping& map, const Entry& entry,
                                                        bool allow_single,
                                                        std::vector<YAML::Mark>* marks) {
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
  for (const YAML::Node& item : entry.value) {
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
