// Plans and their renderings built from a list of ops, for renderer unit tests.
#ifndef SCHEMADIFF_TESTS_SUPPORT_OP_PLANS_H_
#define SCHEMADIFF_TESTS_SUPPORT_OP_PLANS_H_

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/ops.h"
#include "diff/plan.h"

namespace schemadiff::testing {

// A plan of `ops`, in order, without warnings.
Plan PlanOf(const std::vector<Op>& ops);

// The Alembic revision (upgrade and downgrade) of `ops` applied to `from`, with a fixed revision
// id and date; "" after a test failure when an op does not apply or rendering fails.
std::string AlembicRevisionOf(const std::vector<Op>& ops, const Catalog& from,
                              const Dialect& dialect);

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_SUPPORT_OP_PLANS_H_
