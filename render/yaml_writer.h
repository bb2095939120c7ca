// Writes a catalog in the YAML target format (what `schemadiff introspect` prints).
#ifndef SCHEMADIFF_RENDER_YAML_WRITER_H_
#define SCHEMADIFF_RENDER_YAML_WRITER_H_

#include <string>

#include "catalog/catalog.h"
#include "catalog/dialect.h"

namespace schemadiff {

// YAML text that ParseYamlSchema reads back into an equal catalog (for the same dialect).
std::string WriteYamlSchema(const Catalog& catalog, const Dialect& dialect);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_YAML_WRITER_H_
