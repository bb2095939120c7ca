// How plans are shown to users: warning lines and op kind names.
#ifndef SCHEMADIFF_CLI_REPORT_H_
#define SCHEMADIFF_CLI_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diff/ops.h"
#include "diff/plan.h"

namespace schemadiff {

// Every warning of `plan`: each step's in plan order, then the notes.
std::vector<Warning> PlanWarnings(const Plan& plan);

// "warning [code]: message".
std::string FormatWarning(const Warning& warning);

// Writes FormatWarning of every warning of `plan`, one per line.
void PrintWarnings(const Plan& plan, std::ostream& out);

// "info", "warning" or "danger".
std::string_view SeverityName(Severity severity);

// The snake_case name of an op's kind, e.g. "add_column" (the `op` field of check's JSON).
std::string_view OpKindName(const Op& op);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CLI_REPORT_H_
