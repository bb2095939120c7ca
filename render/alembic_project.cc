// Places revisions inside an existing Alembic project: alembic.ini, the versions directory, its
// head, file names and atomic writes.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "render/alembic.h"

namespace schemadiff {
namespace {

namespace fs = std::filesystem;

// Sections of an ini file: section -> key -> raw value ("DEFAULT" holds the defaults).
using Ini = std::map<std::string, std::map<std::string, std::string>>;

absl::StatusOr<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in.good()) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Parses ini text the way Python's configparser does by default: [section] headers, `key = value`
// or `key: value`, keys lower-cased, full-line # and ; comments, indented continuation lines.
absl::StatusOr<Ini> ParseIni(const std::string& text, const std::string& path) {
  Ini ini;
  std::string section;
  std::string* last_value = nullptr;
  int line_number = 0;
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++line_number;
    std::string line(absl::StripSuffix(raw, "\r"));
    const std::string stripped(absl::StripAsciiWhitespace(line));
    if (stripped.empty() || stripped[0] == '#' || stripped[0] == ';') continue;
    if (absl::ascii_isspace(static_cast<unsigned char>(line[0])) && last_value != nullptr) {
      absl::StrAppend(last_value, "\n", stripped);
      continue;
    }
    if (stripped.front() == '[' && stripped.back() == ']') {
      section = stripped.substr(1, stripped.size() - 2);
      ini[section];
      last_value = nullptr;
      continue;
    }
    const size_t delimiter = stripped.find_first_of("=:");
    if (section.empty() || delimiter == std::string::npos || delimiter == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line_number, ": expected [section] or key = value"));
    }
    const std::string key = absl::AsciiStrToLower(
        absl::StripAsciiWhitespace(absl::string_view(stripped).substr(0, delimiter)));
    std::string& value = ini[section][key];
    value =
        std::string(absl::StripAsciiWhitespace(absl::string_view(stripped).substr(delimiter + 1)));
    last_value = &value;
  }
  return ini;
}

// configparser's BasicInterpolation: %(key)s from the section or the defaults, %% is %.
absl::StatusOr<std::string> Interpolate(const std::string& value, const Ini& ini,
                                        const std::string& section, const std::string& path,
                                        int depth = 0) {
  if (depth > 10) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": interpolation nested too deeply"));
  }
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '%') {
      out.push_back(value[i]);
      continue;
    }
    if (i + 1 < value.size() && value[i + 1] == '%') {
      out.push_back('%');
      ++i;
      continue;
    }
    const size_t close = value.find(")s", i);
    if (i + 1 >= value.size() || value[i + 1] != '(' || close == std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": bad '%' in value '", value, "' (write %% for a literal %)"));
    }
    const std::string key = absl::AsciiStrToLower(value.substr(i + 2, close - i - 2));
    const std::string* found = nullptr;
    for (const std::string& where : {section, std::string("DEFAULT")}) {
      const auto s = ini.find(where);
      if (s == ini.end()) continue;
      const auto k = s->second.find(key);
      if (k != s->second.end()) {
        found = &k->second;
        break;
      }
    }
    if (found == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": '%(", key, ")s' refers to an unknown option"));
    }
    ASSIGN_OR_RETURN(const std::string expanded,
                     Interpolate(*found, ini, section, path, depth + 1));
    out += expanded;
    i = close + 1;
  }
  return out;
}

// The revision ids a revision file declares.
struct RevisionFile {
  std::string path;
  std::string revision;
  std::vector<std::string> down_revisions;
};

// The text of a module-level assignment `name = ...` (optionally annotated), brackets followed
// across lines; nullopt when absent.
std::optional<std::string> AssignedValue(const std::string& text, const std::string& name) {
  size_t line_start = 0;
  while (line_start < text.size()) {
    const size_t line_end = std::min(text.find('\n', line_start), text.size());
    const std::string_view line(text.data() + line_start, line_end - line_start);
    if (line.substr(0, name.size()) == name && line.size() > name.size() &&
        (line[name.size()] == ' ' || line[name.size()] == '=' || line[name.size()] == ':')) {
      const size_t eq = line.find('=', name.size());
      if (eq != std::string_view::npos) {
        const size_t start = line_start + eq + 1;
        size_t end = line_end;
        const size_t first = text.find_first_not_of(" \t", start);
        if (first < line_end && (text[first] == '(' || text[first] == '[')) {
          const char close = text[first] == '(' ? ')' : ']';
          end = std::min(text.find(close, first), text.size());
        }
        return text.substr(start, end - start);
      }
    }
    line_start = line_end + 1;
  }
  return std::nullopt;
}

// The quoted strings in `value`, up to a comment.
std::vector<std::string> QuotedStrings(const std::string& value) {
  std::vector<std::string> out;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '#') break;
    if (c != '\'' && c != '"') continue;
    const size_t end = value.find(c, i + 1);
    if (end == std::string::npos) break;
    out.push_back(value.substr(i + 1, end - i - 1));
    i = end;
  }
  return out;
}

absl::StatusOr<RevisionFile> ReadRevisionFile(const std::string& path) {
  ASSIGN_OR_RETURN(const std::string text, ReadText(path));
  RevisionFile file;
  file.path = path;
  const std::optional<std::string> revision = AssignedValue(text, "revision");
  const std::vector<std::string> ids =
      revision ? QuotedStrings(*revision) : std::vector<std::string>{};
  if (ids.size() != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": no `revision = '...'` line; is this an Alembic revision file?"));
  }
  file.revision = ids[0];
  const std::optional<std::string> down = AssignedValue(text, "down_revision");
  if (!down) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": no `down_revision = ...` line"));
  }
  file.down_revisions = QuotedStrings(*down);
  return file;
}

// Python %-formatting of one value for a conversion spec like "s", "d", ".2d", "02d".
std::string FormatValue(const std::string& spec, const std::string& text, bool is_number) {
  bool left = false;
  bool zero = false;
  size_t i = 0;
  while (i < spec.size() &&
         (spec[i] == '-' || spec[i] == '0' || spec[i] == ' ' || spec[i] == '+' || spec[i] == '#')) {
    left = left || spec[i] == '-';
    zero = zero || spec[i] == '0';
    ++i;
  }
  int width = 0;
  while (i < spec.size() && absl::ascii_isdigit(spec[i])) width = width * 10 + (spec[i++] - '0');
  int precision = -1;
  if (i < spec.size() && spec[i] == '.') {
    precision = 0;
    ++i;
    while (i < spec.size() && absl::ascii_isdigit(spec[i])) {
      precision = precision * 10 + (spec[i++] - '0');
    }
  }
  std::string out = text;
  if (is_number && precision > 0 && static_cast<int>(out.size()) < precision) {
    out.insert(0, precision - out.size(), '0');
  } else if (!is_number && precision >= 0 && static_cast<int>(out.size()) > precision) {
    out.resize(precision);
  }
  if (static_cast<int>(out.size()) < width) {
    const size_t pad = width - out.size();
    if (left) {
      out.append(pad, ' ');
    } else {
      out.insert(0, pad, zero && is_number ? '0' : ' ');
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<AlembicProject> ReadAlembicConfig(const std::string& ini_path) {
  ASSIGN_OR_RETURN(const std::string text, ReadText(ini_path));
  ASSIGN_OR_RETURN(Ini ini, ParseIni(text, ini_path));
  std::error_code ec;
  const fs::path ini_dir = fs::absolute(ini_path, ec).parent_path();
  ini["DEFAULT"]["here"] = ini_dir.string();
  const auto section = ini.find("alembic");
  if (section == ini.end()) {
    return absl::InvalidArgumentError(absl::StrCat(ini_path, ": no [alembic] section"));
  }
  const auto option = [&](const std::string& key) -> absl::StatusOr<std::optional<std::string>> {
    const auto it = section->second.find(key);
    if (it == section->second.end()) return std::nullopt;
    ASSIGN_OR_RETURN(std::string value, Interpolate(it->second, ini, "alembic", ini_path));
    return std::optional<std::string>(std::move(value));
  };

  AlembicProject project;
  ASSIGN_OR_RETURN(const auto script_location, option("script_location"));
  ASSIGN_OR_RETURN(const auto version_locations, option("version_locations"));
  std::string versions;
  if (version_locations && !version_locations->empty()) {
    std::vector<std::string> locations =
        absl::StrSplit(*version_locations, absl::ByAnyChar(" ,\n"), absl::SkipWhitespace());
    if (locations.size() != 1) {
      return absl::InvalidArgumentError(
          absl::StrCat(ini_path, ": version_locations lists ", locations.size(),
                       " directories; choose one with --versions-dir"));
    }
    versions = locations[0];
  } else if (script_location && !script_location->empty()) {
    if (script_location->find(':') != std::string::npos && !fs::exists(*script_location)) {
      return absl::InvalidArgumentError(
          absl::StrCat(ini_path, ": script_location '", *script_location,
                       "' is a package resource; pass --versions-dir instead"));
    }
    versions = (fs::path(*script_location) / "versions").string();
  } else {
    return absl::InvalidArgumentError(absl::StrCat(ini_path, ": [alembic] has no script_location"));
  }
  // Alembic reads relative locations from the current directory; fall back to the ini's own
  // directory so that --config works from anywhere.
  if (fs::path(versions).is_relative() && !fs::is_directory(versions, ec) &&
      fs::is_directory(ini_dir / versions, ec)) {
    versions = (ini_dir / versions).string();
  }
  project.versions_dir = versions;

  ASSIGN_OR_RETURN(const auto file_template, option("file_template"));
  if (file_template && !file_template->empty()) project.file_template = *file_template;
  ASSIGN_OR_RETURN(const auto truncate, option("truncate_slug_length"));
  if (truncate) {
    int length = 0;
    if (!absl::SimpleAtoi(*truncate, &length) || length <= 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          ini_path, ": truncate_slug_length must be a positive number, not '", *truncate, "'"));
    }
    project.truncate_slug_length = length;
  }
  ASSIGN_OR_RETURN(const auto url, option("sqlalchemy.url"));
  if (url) project.sqlalchemy_url = *url;
  return project;
}

absl::StatusOr<std::string> FindHeadRevision(const std::string& versions_dir) {
  std::error_code ec;
  if (!fs::is_directory(versions_dir, ec)) {
    return absl::NotFoundError(
        absl::StrCat("versions directory ", versions_dir, " does not exist"));
  }
  std::vector<RevisionFile> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(versions_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".py" || name == "__init__.py" ||
        name.rfind(".#", 0) == 0) {
      continue;
    }
    ASSIGN_OR_RETURN(RevisionFile file, ReadRevisionFile(entry.path().string()));
    files.push_back(std::move(file));
  }
  if (ec)
    return absl::InternalError(absl::StrCat("cannot list ", versions_dir, ": ", ec.message()));
  std::map<std::string, std::string> path_of;
  for (const RevisionFile& f : files) {
    const auto [it, inserted] = path_of.emplace(f.revision, f.path);
    if (!inserted) {
      return absl::FailedPreconditionError(absl::StrCat(
          "revision ", f.revision, " is defined by both ", it->second, " and ", f.path));
    }
  }
  std::set<std::string> has_child;
  for (const RevisionFile& f : files) {
    for (const std::string& down : f.down_revisions) {
      if (!path_of.count(down)) {
        return absl::FailedPreconditionError(
            absl::StrCat(f.path, ": down_revision ", down, " is not in ", versions_dir));
      }
      has_child.insert(down);
    }
  }
  std::vector<std::string> heads;
  for (const auto& [revision, path] : path_of) {
    if (!has_child.count(revision)) heads.push_back(revision);
  }
  if (files.empty()) return std::string();
  if (heads.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat(versions_dir, ": the revisions form a cycle"));
  }
  if (heads.size() > 1) {
    return absl::FailedPreconditionError(
        absl::StrCat(versions_dir, " has ", heads.size(), " heads (", absl::StrJoin(heads, ", "),
                     "); merge them first with `alembic merge heads`"));
  }
  return heads[0];
}

std::string NewRevisionId() {
  // Like uuid.uuid4().hex[-12:]: 48 random bits as 12 hex digits.
  std::random_device device;
  const uint64_t high = device();
  const uint64_t low = device();
  const uint64_t bits = ((high << 32) | low) & 0xFFFFFFFFFFFFull;
  char out[13];
  std::snprintf(out, sizeof(out), "%012llx", static_cast<unsigned long long>(bits));
  return out;
}

std::string RevisionFileName(const AlembicProject& project, const RevisionInfo& info) {
  // Alembic: "_".join(re.findall(r"\w+", message)).lower(), cut at the last "_" within
  // truncate_slug_length. Only ASCII letters, digits and "_" make words here, so file names stay
  // ASCII.
  std::vector<std::string> words;
  std::string word;
  for (const char c : info.message + " ") {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_') {
      word.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  std::string slug = absl::StrJoin(words, "_");
  if (static_cast<int>(slug.size()) > project.truncate_slug_length) {
    slug.resize(project.truncate_slug_length);
    const size_t cut = slug.rfind('_');
    slug = (cut == std::string::npos ? slug : slug.substr(0, cut)) + "_";
  }

  // Date tokens from create_date ("YYYY-MM-DD HH:MM:SS[.ffffff]", local time like Alembic's).
  std::tm tm = {};
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::sscanf(info.create_date.c_str(), "%d-%d-%d %d:%d:%d", &year, &month, &day, &hour, &minute,
              &second);
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  tm.tm_isdst = -1;
  const long long epoch = static_cast<long long>(std::mktime(&tm));
  const std::map<std::string, std::pair<std::string, bool>> values = {
      {"rev", {info.revision_id, false}},       {"slug", {slug, false}},
      {"epoch", {absl::StrCat(epoch), true}},   {"year", {absl::StrCat(year), true}},
      {"month", {absl::StrCat(month), true}},   {"day", {absl::StrCat(day), true}},
      {"hour", {absl::StrCat(hour), true}},     {"minute", {absl::StrCat(minute), true}},
      {"second", {absl::StrCat(second), true}},
  };

  const std::string& templ = project.file_template;
  std::string out;
  for (size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] != '%') {
      out.push_back(templ[i]);
      continue;
    }
    if (i + 1 < templ.size() && templ[i + 1] == '%') {
      out.push_back('%');
      ++i;
      continue;
    }
    const size_t close = templ.find(')', i);
    const size_t conversion = templ.find_first_of("sdi", close);
    if (i + 1 >= templ.size() || templ[i + 1] != '(' || close == std::string::npos ||
        conversion == std::string::npos) {
      out.push_back('%');
      continue;
    }
    const auto value = values.find(templ.substr(i + 2, close - i - 2));
    if (value == values.end()) {
      out.append(templ, i, conversion - i + 1);
    } else {
      out += FormatValue(templ.substr(close + 1, conversion - close - 1), value->second.first,
                         value->second.second);
    }
    i = conversion;
  }
  return out + ".py";
}

absl::StatusOr<std::string> WriteRevisionFile(const AlembicProject& project,
                                              const std::string& file_name,
                                              const std::string& text) {
  if (file_name.empty() || file_name.find('/') != std::string::npos ||
      file_name.find('\0') != std::string::npos || file_name == "." || file_name == "..") {
    return absl::InvalidArgumentError(absl::StrCat("bad revision file name '", file_name, "'"));
  }
  std::error_code ec;
  if (!fs::is_directory(project.versions_dir, ec)) {
    return absl::NotFoundError(
        absl::StrCat("versions directory ", project.versions_dir, " does not exist"));
  }
  const std::string target = (fs::path(project.versions_dir) / file_name).string();
  if (fs::exists(target, ec)) {
    return absl::AlreadyExistsError(absl::StrCat(target, " already exists; not overwriting it"));
  }
  std::string temp = (fs::path(project.versions_dir) / ".schemadiff-revision-XXXXXX").string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    return absl::InternalError(
        absl::StrCat("cannot create a file in ", project.versions_dir, ": ", std::strerror(errno)));
  }
  size_t written = 0;
  bool ok = fchmod(fd, 0644) == 0;
  while (ok && written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<size_t>(n);
  }
  ok = ok && fsync(fd) == 0;
  const int write_errno = errno;
  ok = close(fd) == 0 && ok;
  if (!ok) {
    unlink(temp.c_str());
    return absl::InternalError(
        absl::StrCat("cannot write ", target, ": ", std::strerror(write_errno)));
  }
  // link() publishes the complete file under its name and fails if the name is taken, so an
  // existing revision is never replaced, not even by a concurrent writer.
  const int linked = link(temp.c_str(), target.c_str());
  const int link_errno = errno;
  unlink(temp.c_str());
  if (linked != 0) {
    if (link_errno == EEXIST) {
      return absl::AlreadyExistsError(absl::StrCat(target, " already exists; not overwriting it"));
    }
    return absl::InternalError(
        absl::StrCat("cannot create ", target, ": ", std::strerror(link_errno)));
  }
  return target;
}

}  // namespace schemadiff
