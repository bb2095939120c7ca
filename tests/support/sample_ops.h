// One sample op of every kind, for tests that must cover the whole op IR.
#ifndef SCHEMADIFF_TESTS_SUPPORT_SAMPLE_OPS_H_
#define SCHEMADIFF_TESTS_SUPPORT_SAMPLE_OPS_H_

#include <vector>

#include "diff/ops.h"

namespace schemadiff::testing {

// Every alternative of Op exactly once, in variant order. The ops concern table "orders"
// (columns id, note, total) and enum "status"; they are independent samples, not a plan.
std::vector<Op> SampleOpOfEveryKind();

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_SUPPORT_SAMPLE_OPS_H_
