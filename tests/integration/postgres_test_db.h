// Test helpers for the PostgreSQL integration tests: a fresh database per test on the server
// that tools/test starts (SCHEMADIFF_TEST_PG_URL), dropped again at the end.
#ifndef SCHEMADIFF_TESTS_INTEGRATION_POSTGRES_TEST_DB_H_
#define SCHEMADIFF_TESTS_INTEGRATION_POSTGRES_TEST_DB_H_

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <optional>
#include <random>
#include <pqxx/pqxx>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "introspect/source.h"
#include "tests/support/test_util.h"

namespace schemadiff::testing {

// The test server's URL, or nullopt when no server was provided.
inline std::optional<std::string> PgServerUrl() {
  const char* url = std::getenv("SCHEMADIFF_TEST_PG_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

// Skips the current test when there is no PostgreSQL test server.
#define SKIP_WITHOUT_POSTGRES()                                                           \
  do {                                                                                    \
    if (!::schemadiff::testing::PgServerUrl()) {                                          \
      GTEST_SKIP() << "SCHEMADIFF_TEST_PG_URL is not set; tools/test starts a throwaway " \
                      "PostgreSQL server (tools/lib/pg_instance) and sets it";            \
    }                                                                                     \
  } while (0)

// `url` with its database name replaced by `database`.
inline std::string WithDatabase(const std::string& url, const std::string& database) {
  const size_t authority = url.find("://") + 3;
  const size_t query = url.find('?', authority);
  const size_t slash = url.find('/', authority);
  const size_t end = query == std::string::npos ? url.size() : query;
  const std::string base =
      slash == std::string::npos || slash > end ? url.substr(0, end) : url.substr(0, slash);
  return absl::StrCat(base, "/", database, url.substr(end));
}

// A database created for one test and dropped (with any open connections) when destroyed.
class PgTestDatabase {
 public:
  PgTestDatabase() {
    // A random part keeps a reused process id from meeting a database an earlier run left.
    static const unsigned run = std::random_device()();
    static std::atomic<int> counter{0};
    name_ = absl::StrCat("sdtest_", getpid(), "_", absl::Hex(run), "_", counter++);
    Admin(absl::StrCat("DROP DATABASE IF EXISTS ", name_, " WITH (FORCE)"));
    Admin(absl::StrCat("CREATE DATABASE ", name_));
    url_ = WithDatabase(*PgServerUrl(), name_);
    absl::StatusOr<Source> source = ParseSource(url_);
    EXPECT_TRUE(source.ok()) << source.status();
    if (source.ok()) parsed_ = source->url;
  }
  ~PgTestDatabase() { Admin(absl::StrCat("DROP DATABASE IF EXISTS ", name_, " WITH (FORCE)")); }
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // postgresql://user:pass@host:port/<name>
  const std::string& url() const { return url_; }
  const DatabaseUrl& parsed_url() const { return parsed_; }

  // Runs `sql` (one or more statements) in the database; an error message or "".
  std::string Exec(const std::string& sql) const {
    try {
      pqxx::connection connection(url_);
      pqxx::nontransaction work(connection);
      work.exec(sql);
      return "";
    } catch (const std::exception& e) {
      return e.what();
    }
  }

  // The rows of `query`, each as its fields joined by '|', rows joined by '\n'.
  std::string Query(const std::string& query) const {
    try {
      pqxx::connection connection(url_);
      pqxx::nontransaction work(connection);
      std::string out;
      for (const pqxx::row& row : work.exec(query)) {
        if (!out.empty()) out += "\n";
        for (size_t i = 0; i < row.size(); ++i) {
          if (i > 0) out += "|";
          out += row[static_cast<int>(i)].is_null() ? "NULL" : row[static_cast<int>(i)].c_str();
        }
      }
      return out;
    } catch (const std::exception& e) {
      return absl::StrCat("ERROR: ", e.what());
    }
  }

  // Runs a script file with psql as a migration would be run (stops at the first error).
  CommandResult Psql(const std::string& script_path) const {
    return RunCommand(
        absl::StrCat("psql -X -q -v ON_ERROR_STOP=1 -d '", url_, "' -f '", script_path, "'"));
  }

 private:
  static void Admin(const std::string& sql) {
    try {
      pqxx::connection connection(*PgServerUrl());
      pqxx::nontransaction work(connection);
      work.exec(sql);
    } catch (const std::exception& e) {
      ADD_FAILURE() << sql << ": " << e.what();
    }
  }

  std::string name_;
  std::string url_;
  DatabaseUrl parsed_;
};

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_INTEGRATION_POSTGRES_TEST_DB_H_
