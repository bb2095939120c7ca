// Test helpers for the MySQL / MariaDB integration tests: a fresh database per test on the server
// that tools/test starts (SCHEMADIFF_TEST_MYSQL_URL), dropped again at the end. SQL runs through
// the `mariadb` command-line client, as a user would run a migration.
#ifndef SCHEMADIFF_TESTS_INTEGRATION_MYSQL_TEST_DB_H_
#define SCHEMADIFF_TESTS_INTEGRATION_MYSQL_TEST_DB_H_

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "introspect/source.h"
#include "tests/support/test_util.h"

namespace schemadiff::testing {

// The test server's URL, or nullopt when no server was provided.
inline std::optional<std::string> MysqlServerUrl() {
  const char* url = std::getenv("SCHEMADIFF_TEST_MYSQL_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

// Skips the current test when there is no MySQL / MariaDB test server.
#define SKIP_WITHOUT_MYSQL()                                                                 \
  do {                                                                                       \
    if (!::schemadiff::testing::MysqlServerUrl()) {                                          \
      GTEST_SKIP() << "SCHEMADIFF_TEST_MYSQL_URL is not set; tools/test starts a throwaway " \
                      "MariaDB server (tools/lib/mariadb_instance) and sets it";             \
    }                                                                                        \
  } while (0)

// The mariadb client command line for `url` and `database` (password passed in the
// environment, never on the command line).
inline std::string MysqlClient(const DatabaseUrl& url, const std::string& database) {
  auto quote = [](const std::string& s) {
    return absl::StrCat("'", absl::StrReplaceAll(s, {{"'", "'\\''"}}), "'");
  };
  return absl::StrCat("MYSQL_PWD=", quote(url.password), " mariadb --no-defaults --protocol=tcp",
                      " -h ", quote(url.host.empty() ? "127.0.0.1" : url.host), " -P ",
                      url.port == 0 ? 3306 : url.port, " -u ", quote(url.user),
                      " --default-character-set=utf8mb4 ", database.empty() ? "" : quote(database));
}

// A database created for one test and dropped when destroyed.
class MysqlTestDatabase {
 public:
  MysqlTestDatabase() {
    static std::atomic<int> counter{0};
    name_ = absl::StrCat("sdtest_", getpid(), "_", counter++);
    absl::StatusOr<Source> server = ParseSource(*MysqlServerUrl());
    EXPECT_TRUE(server.ok()) << server.status();
    if (server.ok()) server_ = server->url;
    Admin(absl::StrCat("DROP DATABASE IF EXISTS `", name_, "`; CREATE DATABASE `", name_, "`"));
    parsed_ = server_;
    parsed_.database = name_;
    url_ = absl::StrCat("mysql://", server_.user, ":", server_.password, "@",
                        server_.host.empty() ? "127.0.0.1" : server_.host, ":",
                        server_.port == 0 ? 3306 : server_.port, "/", name_);
  }
  ~MysqlTestDatabase() { Admin(absl::StrCat("DROP DATABASE IF EXISTS `", name_, "`")); }
  MysqlTestDatabase(const MysqlTestDatabase&) = delete;
  MysqlTestDatabase& operator=(const MysqlTestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // mysql://user:pass@host:port/<name>
  const std::string& url() const { return url_; }
  const DatabaseUrl& parsed_url() const { return parsed_; }

  // Runs `sql` (one or more statements) in the database; the client's error output, or "".
  std::string Exec(const std::string& sql) const {
    TempDir dir;
    WriteFile(dir.File("script.sql"), sql);
    return Script(dir.File("script.sql")).err;
  }

  // The rows of `query`, each as its fields joined by '|', rows joined by '\n'.
  std::string Query(const std::string& query) const {
    TempDir dir;
    WriteFile(dir.File("query.sql"), query);
    const CommandResult result =
        RunCommand(absl::StrCat(MysqlClient(parsed_, name_), " --batch --skip-column-names < '",
                                dir.File("query.sql"), "'"));
    if (result.exit_code != 0) return absl::StrCat("ERROR: ", result.err);
    std::string out = absl::StrReplaceAll(result.out, {{"\t", "|"}});
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  // Runs a script file with the mariadb client as a migration would be run (it stops at the
  // first error).
  CommandResult Script(const std::string& script_path) const {
    return RunCommand(absl::StrCat(MysqlClient(parsed_, name_), " < '", script_path, "'"));
  }

 private:
  void Admin(const std::string& sql) const {
    TempDir dir;
    WriteFile(dir.File("admin.sql"), sql);
    const CommandResult result =
        RunCommand(absl::StrCat(MysqlClient(server_, ""), " < '", dir.File("admin.sql"), "'"));
    if (result.exit_code != 0) ADD_FAILURE() << sql << ": " << result.err;
  }

  std::string name_;
  std::string url_;
  DatabaseUrl server_;
  DatabaseUrl parsed_;
};

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_INTEGRATION_MYSQL_TEST_DB_H_
