// The (from, to) SQLite schema pairs shared by the convergence suites: SQL run by the sqlite3
// shell (tests/integration/sqlite_convergence_test.cc) and Alembic revisions run by real Alembic
// (tests/integration/alembic_sqlite_test.cc).
#ifndef SCHEMADIFF_TESTS_SUPPORT_SQLITE_PAIRS_H_
#define SCHEMADIFF_TESTS_SUPPORT_SQLITE_PAIRS_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "tests/support/test_util.h"

namespace schemadiff::testing {

// A query and the sqlite3 shell output it must give after the upgrade.
struct Expectation {
  std::string query;
  std::string output;
};

// One convergence case.
struct ConvergenceCase {
  std::string name;
  std::string from;  // DDL of the starting schema
  std::string to;    // DDL of the target schema
  std::string seed;  // INSERTs run on `from` before the upgrade
  // Adds renamed_from hints to the introspected target (introspection cannot know them).
  std::function<void(Catalog*)> hints;
  std::vector<Expectation> after_upgrade;
};

std::ostream& operator<<(std::ostream& os, const ConvergenceCase& c);

// Runs `sql` on the database file `db` with the sqlite3 shell, stopping at the first error; the
// script is written to a file in `dir`.
CommandResult Sqlite(const TempDir& dir, const std::string& db, const std::string& sql);

// Two SQLite files made from DDL: `db` (work.db, the one migrations run on) and the target
// (to.db), with their introspected catalogs.
struct SqliteSides {
  std::string db;
  Catalog from;
  Catalog to;
};

// Runs `from_sql` into work.db and `to_sql` into to.db in `dir` and introspects both.
absl::StatusOr<SqliteSides> MakeSqliteSides(const TempDir& dir, const std::string& from_sql,
                                            const std::string& to_sql);

// MakeSqliteSides for a convergence case: `from` with its seed rows, `to` with its hints.
absl::StatusOr<SqliteSides> MakeCaseSides(const TempDir& dir, const ConvergenceCase& c);

// Every pair; each one changes something.
std::vector<ConvergenceCase> SqliteConvergenceCases();

// SELECT of every column `from` and `to` share in a table they share, sorted: the data that
// must survive the migration unchanged. Columns that become NOT NULL are left out (their NULLs
// are filled with the default).
std::vector<std::string> SharedDataQueries(const Catalog& from, const Catalog& to);

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_SUPPORT_SQLITE_PAIRS_H_
