// SQLite's generalized ALTER TABLE procedure (https://www.sqlite.org/lang_altertable.html,
// section 7): create the new table, copy the rows, drop the old one, rename, recreate indexes.
#ifndef SCHEMADIFF_RENDER_SQLITE_REBUILD_H_
#define SCHEMADIFF_RENDER_SQLITE_REBUILD_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/ops.h"
#include "render/sql_writer.h"

namespace schemadiff {

// One rebuild of one table.
struct SqliteRebuild {
  Table before;           // the table as it is in the database now
  Table after;            // the table once all `ops` are applied (same schema and name)
  std::vector<Op> ops;    // the ops of this table folded into the rebuild, in plan order
  std::string temp_name;  // name for the new table while both exist, e.g. "_new_orders"
};

// Writes the statements of `rebuild` to `out` (the caller has disabled foreign keys and opened
// the transaction). Column renames among the ops are done first with ALTER TABLE RENAME
// COLUMN where possible, so that SQLite updates the foreign keys of other tables that refer to
// the column; the copy then maps each surviving column to its source, leaves out dropped
// columns, keeps the rowid of tables without an INTEGER PRIMARY KEY, lets added columns take
// their default, and fills NULLs with the default where a column becomes NOT NULL. An
// AUTOINCREMENT table keeps its sqlite_sequence value. Indexes and triggers of `after` are
// recreated once the table has its name back.
absl::Status WriteSqliteRebuild(const Dialect& dialect, const SqliteRebuild& rebuild,
                                SqlWriter* out);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_SQLITE_REBUILD_H_
