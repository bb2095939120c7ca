// What SQLite's ALTER TABLE can do in place, per https://www.sqlite.org/lang_altertable.html.
// Everything else is a table rebuild (render/sqlite_rebuild.h).
#ifndef SCHEMADIFF_RENDER_SQLITE_ALTER_H_
#define SCHEMADIFF_RENDER_SQLITE_ALTER_H_

#include <string_view>

#include "catalog/catalog.h"
#include "diff/ops.h"

namespace schemadiff {

// Whether the SQL expression `expression` names the identifier `name` (bare, "quoted",
// `quoted` or [quoted]; ASCII case-insensitive as SQLite compares names; string literals are
// skipped). Errs on the side of "yes" for anything that looks like the name.
bool ExpressionMentions(std::string_view expression, std::string_view name);

// Whether ALTER TABLE ADD COLUMN can add `column`: not AUTOINCREMENT, not a STORED generated
// column, a constant default (no CURRENT_* or parenthesized expression), and NOT NULL only
// with a non-NULL default.
bool SqliteCanAddColumn(const Column& column);

// Whether ALTER TABLE DROP COLUMN can drop `column` from `table` (as it is in `catalog`): the
// table keeps a column, and the column is in no primary key, unique constraint, index (keys,
// expressions or WHERE), foreign key (either side), CHECK or generated column expression.
bool SqliteCanDropColumn(const Catalog& catalog, const Table& table, std::string_view column);

// Whether `op`, applied to `catalog`, needs a table rebuild in SQLite. CreateTable is not a
// rebuild; AlterColumn that only changes the comment needs nothing (SQLite has no comments).
bool SqliteNeedsRebuild(const Op& op, const Catalog& catalog);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_SQLITE_ALTER_H_
