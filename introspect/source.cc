#include "introspect/source.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/mysql_introspector.h"
#include "introspect/postgres_introspector.h"
#include "introspect/sqlite_introspector.h"
#include "introspect/yaml_loader.h"

namespace schemadiff {
namespace {

// The URL with its password masked, for error messages.
std::string Redacted(std::string_view text) {
  const size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return std::string(text);
  const size_t authority_begin = scheme_end + 3;
  const size_t authority_end = std::min(text.find_first_of("/?", authority_begin), text.size());
  const size_t at = text.rfind('@', authority_end);
  if (at == std::string_view::npos || at < authority_begin) return std::string(text);
  const size_t colon = text.find(':', authority_begin);
  if (colon == std::string_view::npos || colon > at) return std::string(text);
  return absl::StrCat(Absl(text.substr(0, colon + 1)), "***", Absl(text.substr(at)));
}

// An error for the malformed URL `text`.
absl::Status Malformed(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("malformed database URL '", Redacted(text), "': ", Absl(why)));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes (and '+' as a space when `plus_is_space`, as in query strings); nullopt
// for a broken escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The dialect a URL scheme names (driver suffix removed), or "" when unknown.
std::string DialectOfScheme(std::string_view backend) {
  if (backend == "sqlite") return "sqlite";
  if (backend == "postgresql" || backend == "postgres") return "postgresql";
  if (backend == "mysql" || backend == "mariadb") return "mysql";
  return "";
}

// Length of a leading "scheme://" whose scheme is made of word characters and '+' (as
// SQLAlchemy's URL pattern has it), or 0.
size_t SchemeLength(std::string_view text) {
  size_t i = 0;
  while (i < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '+')) {
    ++i;
  }
  if (i == 0 || text.substr(i, 3) != "://") return 0;
  return i;
}

// Parses the `?a=b&c=d` part.
absl::Status ParseQuery(std::string_view text, std::string_view query, DatabaseUrl* url) {
  size_t begin = 0;
  while (begin <= query.size()) {
    size_t end = query.find_first_of("&;", begin);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(begin, end - begin);
    begin = end + 1;
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    const std::string_view raw_key = pair.substr(0, eq);
    const std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    std::optional<std::string> key = PercentDecode(raw_key, true);
    std::optional<std::string> value = PercentDecode(raw_value, true);
    if (!key || !value) {
      return Malformed(text, absl::StrCat("bad %-escape in query parameter '", Absl(raw_key), "'"));
    }
    if (key->empty()) return Malformed(text, "query parameter without a name");
    url->query.emplace_back(std::move(*key), std::move(*value));
  }
  return absl::OkStatus();
}

// Parses "[user[:password]@]host[:port]".
absl::Status ParseAuthority(std::string_view text, std::string_view authority, DatabaseUrl* url) {
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    const size_t colon = userinfo.find(':');
    std::optional<std::string> user = PercentDecode(userinfo.substr(0, colon), false);
    if (!user) return Malformed(text, "bad %-escape in the user name");
    url->user = std::move(*user);
    if (colon != std::string_view::npos) {
      std::optional<std::string> password = PercentDecode(userinfo.substr(colon + 1), false);
      if (!password) return Malformed(text, "bad %-escape in the password");
      url->password = std::move(*password);
    }
  }
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return Malformed(text, "unterminated [IPv6 address]");
    url->host = std::string(authority.substr(1, close - 1));
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return Malformed(text, "unexpected text after ]");
      port = rest.substr(1);
    }
  } else {
    const size_t colon = authority.find(':');
    url->host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  if (!port.empty()) {
    int value = 0;
    if (!absl::SimpleAtoi(Absl(port), &value) || value < 1 || value > 65535 ||
        port.front() == '+' || port.front() == '-') {
      return Malformed(text,
                       absl::StrCat("port '", Absl(port), "' is not a number between 1 and 65535"));
    }
    url->port = value;
  }
  return absl::OkStatus();
}

absl::StatusOr<DatabaseUrl> ParseUrl(std::string_view text, size_t scheme_length) {
  DatabaseUrl url;
  const std::string_view scheme = text.substr(0, scheme_length);
  const std::string_view backend = scheme.substr(0, scheme.find('+'));
  url.dialect = DialectOfScheme(backend);
  if (url.dialect.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unsupported database URL scheme '", Absl(scheme), "' in '", Redacted(text),
        "' (expected sqlite://, postgresql:// or mysql://, or a path to a YAML schema)"));
  }
  if (backend.size() + 1 == scheme.size()) return Malformed(text, "empty driver name after '+'");

  std::string_view rest = text.substr(scheme_length + 3);
  const size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    RETURN_IF_ERROR(ParseQuery(text, rest.substr(question + 1), &url));
    rest = rest.substr(0, question);
  }
  const size_t slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) url.database = std::string(rest.substr(slash + 1));

  if (url.dialect == "sqlite") {
    if (!authority.empty()) {
      return Malformed(text,
                       "a sqlite URL has no host: use sqlite:///relative.db or "
                       "sqlite:////absolute/path.db");
    }
    if (url.database.empty()) {
      return Malformed(text,
                       "no database file (sqlite:///relative.db or sqlite:////absolute/path.db)");
    }
    return url;
  }
  RETURN_IF_ERROR(ParseAuthority(text, authority, &url));
  if (url.host.empty() && url.port != 0) return Malformed(text, "a port without a host");
  if (url.database.find('/') != std::string::npos) {
    return Malformed(text, absl::StrCat("database name '", url.database, "' contains '/'"));
  }
  return url;
}

}  // namespace

absl::StatusOr<Source> ParseSource(const std::string& text) {
  Source source;
  source.text = text;
  if (text.empty()) return absl::InvalidArgumentError("empty source (expected a URL or a path)");
  const size_t scheme_length = SchemeLength(text);
  if (scheme_length == 0) return source;
  source.is_url = true;
  ASSIGN_OR_RETURN(source.url, ParseUrl(text, scheme_length));
  return source;
}

namespace {

// The catalog of the database `source` names.
absl::StatusOr<Catalog> IntrospectDatabase(const Source& source, const Dialect& dialect,
                                           const LoadOptions& options) {
  const DatabaseUrl& url = source.url;
  if (url.dialect != dialect.name()) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", Redacted(source.text), "' is a ", url.dialect,
                     " database but the comparison is for ", Absl(dialect.name())));
  }
  if (url.dialect == "sqlite") {
    if (!options.schemas.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("'", source.text, "': SQLite databases have no schemas to select"));
    }
    return IntrospectSqlite(url.database);
  }
  if (url.dialect == "mysql") {
    if (!options.schemas.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("'", Redacted(source.text),
                       "': schemas cannot be selected for MySQL (the URL names the database)"));
    }
    return IntrospectMysql(url);
  }
  if (url.dialect == "postgresql") return IntrospectPostgres(url, options.schemas);
  // Only a DatabaseUrl built by hand (not by ParseSource) gets here.
  return absl::InvalidArgumentError(
      absl::StrCat("'", Redacted(source.text), "': unknown database dialect '", url.dialect, "'"));
}

// Whether `table` matches one of the exclusion patterns; a pattern with a dot is matched against
// "schema.name", the default schema spelled as PostgreSQL names it.
bool Excluded(const Table& table, const Dialect& dialect,
              const std::vector<std::string>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    std::string name = table.name;
    if (pattern.find('.') != std::string::npos) {
      const std::string_view schema =
          table.schema.empty() ? dialect.DefaultSchemaName() : std::string_view(table.schema);
      name = absl::StrCat(Absl(schema), ".", name);
    }
    return fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
  });
}

}  // namespace

absl::StatusOr<Catalog> LoadSource(const Source& source, const Dialect& dialect,
                                   const LoadOptions& options) {
  absl::StatusOr<Catalog> catalog = source.is_url ? IntrospectDatabase(source, dialect, options)
                                                  : LoadYamlSchema(source.text, dialect);
  if (!catalog.ok()) return catalog;
  std::erase_if(catalog->tables, [&](const Table& table) {
    return (source.is_url && !options.version_table.empty() && table.schema.empty() &&
            table.name == options.version_table) ||
           Excluded(table, dialect, options.exclude_tables);
  });
  return catalog;
}

}  // namespace schemadiff
