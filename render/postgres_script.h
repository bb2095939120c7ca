// A PostgreSQL migration script for psql: statements grouped into transactions, with the
// statements PostgreSQL cannot (or should not) run inside a transaction block between them.
#ifndef SCHEMADIFF_RENDER_POSTGRES_SCRIPT_H_
#define SCHEMADIFF_RENDER_POSTGRES_SCRIPT_H_

#include <string>
#include <string_view>
#include <vector>

#include "diff/plan.h"

namespace schemadiff {

// Collects a script's statements in order, then lays them out: consecutive transactional
// statements become one BEGIN ... COMMIT block; standalone statements (CREATE INDEX
// CONCURRENTLY, ALTER TYPE ... ADD VALUE, VALIDATE CONSTRAINT) run on their own between blocks.
// Comments and warnings stay right above the statement that follows them.
class PostgresScript {
 public:
  // A "-- text" line.
  void Comment(std::string_view text);
  // A "-- WARNING [code]: message" line.
  void AddWarning(const Warning& warning);
  // A statement for the current transaction block (without the trailing ';').
  void Statement(std::string sql);
  // A statement that runs outside any transaction block.
  void Standalone(std::string sql);

  // The script: `header` comment lines, psql's ON_ERROR_STOP, `preamble` statements (such as
  // SET lock_timeout), then the statements.
  std::string Finish(const std::vector<std::string>& header,
                     const std::vector<std::string>& preamble) const;

 private:
  enum class Kind { kComment, kStatement, kStandalone };
  struct Item {
    Kind kind;
    std::string text;
  };
  std::vector<Item> items_;
};

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_POSTGRES_SCRIPT_H_
