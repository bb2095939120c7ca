#include "introspect/postgres_connection.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "catalog/sql_text.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

// URL query parameters handed to libpq as they are.
const std::set<std::string>& LibpqParameters() {
  static const auto* params = new std::set<std::string>{"host",
                                                        "hostaddr",
                                                        "port",
                                                        "sslmode",
                                                        "sslcert",
                                                        "sslkey",
                                                        "sslrootcert",
                                                        "sslcrl",
                                                        "sslpassword",
                                                        "connect_timeout",
                                                        "application_name",
                                                        "options",
                                                        "target_session_attrs",
                                                        "passfile",
                                                        "service",
                                                        "gssencmode",
                                                        "krbsrvname",
                                                        "keepalives",
                                                        "keepalives_idle",
                                                        "client_encoding"};
  return *params;
}

// A conninfo value in single quotes, with ' and \ escaped.
std::string Value(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

}  // namespace

std::string PostgresConnInfo(const DatabaseUrl& url) {
  std::string out;
  const auto add = [&out](std::string_view key, std::string_view value) {
    absl::StrAppend(&out, out.empty() ? "" : " ", Absl(key), "=", Value(value));
  };
  bool has_timeout = false, has_name = false;
  if (!url.host.empty()) add("host", url.host);
  if (url.port != 0) add("port", std::to_string(url.port));
  if (!url.user.empty()) add("user", url.user);
  if (!url.password.empty()) add("password", url.password);
  if (!url.database.empty()) add("dbname", url.database);
  for (const auto& [key, value] : url.query) {
    if (LibpqParameters().count(key) == 0) continue;
    add(key, value);
    has_timeout = has_timeout || key == "connect_timeout";
    has_name = has_name || key == "application_name";
  }
  if (!has_timeout) add("connect_timeout", "10");
  if (!has_name) add("application_name", "schemadiff");
  return out;
}

std::string DescribePostgresUrl(const DatabaseUrl& url) {
  std::string out = "postgresql://";
  if (!url.user.empty()) absl::StrAppend(&out, url.user, "@");
  absl::StrAppend(&out, url.host);
  if (url.port != 0) absl::StrAppend(&out, ":", url.port);
  absl::StrAppend(&out, "/", url.database);
  return out;
}

std::string OneLine(std::string_view message) { return CollapseWhitespace(message); }

}  // namespace schemadiff
