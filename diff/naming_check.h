// "naming-convention" notes: explicit names in the target that differ from what its
// naming_convention would give.
#ifndef SCHEMADIFF_DIFF_NAMING_CHECK_H_
#define SCHEMADIFF_DIFF_NAMING_CHECK_H_

#include <vector>

#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"

namespace schemadiff {

// One note per explicitly named primary key, unique, check, foreign key or column index of
// `target` whose name differs from the conventional one. Kinds without a template, templates
// built on %(constraint_name)s (they decorate the explicit name rather than replace it) and
// catalogs without a convention are skipped. Deterministic order (tables by schema and name).
std::vector<Warning> NamingConventionNotes(const Catalog& target, const Dialect& dialect);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_NAMING_CHECK_H_
