// Building blocks of the Alembic renderer, shared by render/alembic_*.cc (not a public API).
#ifndef SCHEMADIFF_RENDER_ALEMBIC_INTERNAL_H_
#define SCHEMADIFF_RENDER_ALEMBIC_INTERNAL_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/ops.h"
#include "diff/plan.h"

namespace schemadiff::alembic {

// State of one revision file being rendered.
struct FileContext {
  const Dialect* dialect = nullptr;
  // Import lines beyond `from alembic import op` / `import sqlalchemy as sa`, e.g.
  // "from sqlalchemy.dialects import postgresql".
  std::set<std::string> imports;
  // Whether some type had to be written as VerbatimType(...), whose class the file then defines.
  bool uses_verbatim_type = false;
};

// Where one op is rendered.
struct OpContext {
  FileContext* file = nullptr;
  // The schema as it is right before the op (for existing_type and friends).
  const Catalog* state = nullptr;
  // Schema of the op's table ("" for the default one and for enum ops): an unqualified enum
  // type name means the enum of that name in this schema when there is one (PgEnumKey).
  std::string table_schema;
  // Inside `with op.batch_alter_table(...) as batch_op:`: calls go to batch_op and omit the
  // table name.
  bool in_batch = false;
  // True when the op's table existed before this migration and is not dropped by it, so it may
  // hold rows and be in use: PostgreSQL then creates and drops its indexes CONCURRENTLY (the
  // rule of the PostgreSQL SQL renderer's safe mode).
  bool lock_safe = false;

  const Dialect& dialect() const { return *file->dialect; }
  // "batch_op." inside a batch block, "op." elsewhere.
  std::string prefix() const { return in_batch ? "batch_op." : "op."; }
};

// A rendered statement: its first line, then continuation lines carrying their own indentation
// (Alembic keeps continuation lines at a fixed indentation inside and outside batch blocks).
using Lines = std::vector<std::string>;

// --- names (alembic_schema.cc) ---

// A constraint or index name: op.f('name') (batch_op.f inside a batch) when the naming
// convention produced it, a plain literal otherwise, None when empty.
std::string RenderName(const std::string& name, NameOrigin origin, const OpContext& ctx);

// The constraint of `table` called `name`, if any.
std::optional<Constraint> FindConstraint(const Table& table, const std::string& name);

// --- types and defaults (alembic_types.cc) ---

// The SQLAlchemy type expression for `type`, e.g. sa.String(length=255). `column` (optional)
// adds its collation / charset. Picks the expression whose DDL the dialect reads back as the same
// type; otherwise VerbatimType('<dialect spelling>').
absl::StatusOr<std::string> RenderType(const DataType& type, const Column* column,
                                       const OpContext& ctx);

// The server_default= value of a column: 'literal' for strings, sa.text('...') otherwise
// (MySQL ON UPDATE rides along in the text). Empty when the column has neither.
std::string RenderServerDefault(const Column& column, const OpContext& ctx);

// --- schema objects (alembic_schema.cc) ---

// sa.Column('name', type, ..., nullable=...). `table` is the table the column is in, or will be.
absl::StatusOr<std::string> RenderColumn(const Column& column, const Table& table,
                                         const OpContext& ctx);

// sa.PrimaryKeyConstraint / sa.UniqueConstraint / sa.ForeignKeyConstraint / sa.CheckConstraint
// as a table element.
absl::StatusOr<std::string> RenderConstraintElement(const Constraint& constraint,
                                                    const OpContext& ctx);

// The column list of an index for op.create_index: 'col' for plain columns, sa.text('...') for
// expressions and for keys with DESC / NULLS / COLLATE.
std::vector<std::string> RenderIndexKeys(const Index& index, const OpContext& ctx);

// The column elements of `table` in order, then its constraint elements sorted as Alembic
// orders them: the shared start of op.create_table(...) and sa.Table(...).
absl::StatusOr<std::vector<std::string>> RenderColumnAndConstraintElements(const Table& table,
                                                                           const OpContext& ctx);

// A call spread over lines: `opening` (e.g. "op.create_table('t',"), each element on its own
// line with a comma after all but the last, then ")".
Lines ElementLines(std::string opening, const std::vector<std::string>& elements);

// Dialect keyword arguments of an index, e.g. ", sqlite_where=sa.text('x > 0')"; an error for
// what SQLAlchemy 1.4 cannot express.
absl::StatusOr<std::string> RenderIndexKwargs(const Index& index, const OpContext& ctx);

// Table-level keyword arguments (SQLite AUTOINCREMENT and WITHOUT ROWID, MySQL options) in
// sorted order, each as "key=value"; an error for options SQLAlchemy 1.4 cannot emit (STRICT).
absl::StatusOr<std::vector<std::string>> RenderTableKwargs(const Table& table,
                                                           const OpContext& ctx);

// The table as an sa.Table(...) expression with columns, constraints, indexes and options:
// the copy_from= definition of a batch block.
absl::StatusOr<Lines> RenderTableDefinition(const Table& table, const OpContext& ctx);

// --- operations (alembic_ops.cc) ---

// op.execute('<sql>'): SQL for what Alembic has no operation for.
std::string Execute(const std::string& sql);

// For an AlterColumn that makes a column NOT NULL and gives it a default: the UPDATE that
// fills existing NULLs with that default first (as the SQL renderers do), so the change does not
// fail on old rows. Empty otherwise.
Lines FillNullsBeforeNotNull(const AlterColumn& op, const Dialect& dialect);

// --- PostgreSQL specifics (alembic_postgres.cc) ---

// `body` inside `with op.get_context().autocommit_block():`, for statements PostgreSQL runs only
// outside a transaction block (ADD VALUE, CONCURRENTLY). Alembic commits the migration's
// transaction before the block and begins a new one after it.
Lines AutocommitBlock(const Lines& body);

// Whether index changes rendered in `ctx` use postgresql_concurrently=True in an autocommit
// block: PostgreSQL, outside batch blocks, on a lock-safe table.
bool PgConcurrently(const OpContext& ctx);

// Statements that end a serial column's sequence (before the alter_column call).
Lines PgSerialRemoval(const AlterColumn& op);

// Statements after the alter_column call: a new serial column's sequence, and setval so a new
// identity continues after the rows already there.
Lines PgSerialAddition(const AlterColumn& op);

// ALTER TYPE ... RENAME VALUE / ADD VALUE (in an autocommit block), or a type swap converting
// every column through text when values are removed or reordered.
absl::StatusOr<Lines> PgAlterEnum(const AlterEnum& op, const OpContext& ctx);

// The statements for one op; `ctx.state` is the schema before the op.
absl::StatusOr<Lines> RenderOp(const Op& op, const OpContext& ctx);

// --- whole bodies (alembic_body.cc) ---

// The body of upgrade() or downgrade(): notes, the Alembic markers, every step (SQLite-style
// dialects get batch blocks for what they cannot ALTER; PostgreSQL index changes on lock-safe
// tables run CONCURRENTLY in autocommit blocks), each line indented by four spaces.
absl::StatusOr<std::vector<std::string>> RenderBody(const Plan& plan, const Catalog& from,
                                                    FileContext* file);

// "# WARNING [code]: message" (NOTE for informational findings).
std::string RenderWarningComment(const Warning& warning);

}  // namespace schemadiff::alembic

#endif  // SCHEMADIFF_RENDER_ALEMBIC_INTERNAL_H_
