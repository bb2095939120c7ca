// Stable-coded warnings: those that follow from a single op (drops, narrowing type changes,
// enum changes) and the contextual ones the differ raises (possible renames, names that do not
// follow the naming convention).
#ifndef SCHEMADIFF_DIFF_WARNINGS_H_
#define SCHEMADIFF_DIFF_WARNINGS_H_

#include <string>
#include <vector>

#include "catalog/type.h"
#include "diff/ops.h"
#include "diff/plan.h"

namespace schemadiff {

// Stable warning codes (part of the CLI contract).
inline constexpr char kWarnDropTable[] = "drop-table";
inline constexpr char kWarnDropColumn[] = "drop-column";
inline constexpr char kWarnDataLoss[] = "data-loss";
inline constexpr char kWarnTypeNarrowing[] = "type-narrowing";
inline constexpr char kWarnPossibleRename[] = "possible-rename";
inline constexpr char kWarnEnumChange[] = "enum-change";
inline constexpr char kWarnNamingConvention[] = "naming-convention";
// NOT NULL on existing rows: adding a NOT NULL column without a default, or SET NOT NULL.
inline constexpr char kWarnNotNull[] = "not-null";

// How a column type change treats existing values.
enum class TypeChange {
  kSame,       // the types are equal
  kWidening,   // every value converts without loss (varchar(10) -> text, int -> bigint)
  kNarrowing,  // same family, smaller range (bigint -> int, varchar(100) -> varchar(10))
  kLossy,      // a different family: values may fail to convert (text -> integer)
};

// Classifies a change of a column's type from `from` to `to`.
TypeChange ClassifyTypeChange(const DataType& from, const DataType& to);

// The warnings `op` deserves on its own, whatever plan it is part of.
std::vector<Warning> OpWarnings(const Op& op);

// "possible-rename": `table` drops column `dropped` and adds `added` of the same type.
Warning PossibleRenameWarning(const std::string& table, const std::string& dropped,
                              const std::string& added);

// "naming-convention": the target names a `what` (e.g. "unique constraint") `actual` where its
// naming_convention gives `conventional`.
Warning NamingConventionWarning(const std::string& table, const std::string& what,
                                const std::string& actual, const std::string& conventional);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_WARNINGS_H_
