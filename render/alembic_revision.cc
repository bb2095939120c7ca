// The revision file around upgrade() and downgrade(), laid out like Alembic's generic
// script.py.mako template.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "render/alembic.h"
#include "render/alembic_internal.h"
#include "render/python_literal.h"

namespace schemadiff {
namespace {

// Defined by revisions that need a type SQLAlchemy has no class for.
constexpr char kVerbatimTypeClass[] = R"(class VerbatimType(sa.types.UserDefinedType):
    """A column type written exactly as the database spells it."""

    cache_ok = True

    def __init__(self, spelling):
        self.spelling = spelling

    def get_col_spec(self, **kw):
        return self.spelling
)";

// "def name() -> None:" and the body, indented.
std::string Function(const std::string& name, const std::vector<std::string>& body) {
  std::string out = absl::StrCat("def ", name, "() -> None:\n");
  for (const std::string& line : body) {
    absl::StrAppend(&out, line.empty() ? "" : "    ", line, "\n");
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> RenderAlembicRevision(const Plan& upgrade, const Plan& downgrade,
                                                  const Catalog& from, const Catalog& to,
                                                  const Dialect& dialect,
                                                  const RevisionInfo& info) {
  alembic::FileContext file;
  file.dialect = &dialect;
  ASSIGN_OR_RETURN(const std::vector<std::string> up, alembic::RenderBody(upgrade, from, &file));
  ASSIGN_OR_RETURN(const std::vector<std::string> down, alembic::RenderBody(downgrade, to, &file));

  std::string out = absl::StrCat("\"\"\"", DocstringText(info.message), "\n\n");
  absl::StrAppend(&out, "Revision ID: ", DocstringText(info.revision_id), "\n");
  absl::StrAppend(&out, "Revises:",
                  info.down_revision.empty() ? "" : " " + DocstringText(info.down_revision), "\n");
  absl::StrAppend(&out, "Create Date: ", DocstringText(info.create_date), "\n\n\"\"\"\n");
  absl::StrAppend(&out, "from alembic import op\nimport sqlalchemy as sa\n");
  for (const std::string& line : file.imports) absl::StrAppend(&out, line, "\n");
  if (file.uses_verbatim_type) absl::StrAppend(&out, "\n\n", kVerbatimTypeClass);
  absl::StrAppend(&out, "\n\n# revision identifiers, used by Alembic.\n");
  absl::StrAppend(&out, "revision = ", PythonStr(info.revision_id), "\n");
  absl::StrAppend(&out, "down_revision = ",
                  info.down_revision.empty() ? "None" : PythonStr(info.down_revision), "\n");
  absl::StrAppend(&out, "branch_labels = None\ndepends_on = None\n\n\n");
  absl::StrAppend(&out, Function("upgrade", up), "\n\n", Function("downgrade", down));
  return out;
}

}  // namespace schemadiff
