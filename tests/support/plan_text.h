// Plans as text for test failure messages.
#ifndef SCHEMADIFF_TESTS_SUPPORT_PLAN_TEXT_H_
#define SCHEMADIFF_TESTS_SUPPORT_PLAN_TEXT_H_

#include <string>

#include "diff/plan.h"

namespace schemadiff::testing {

// One indented line per operation of `plan`.
std::string DescribePlan(const Plan& plan);

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_SUPPORT_PLAN_TEXT_H_
