#pragma once

#include "util/sqlitestmt.h"

namespace tandem::archive {
using sqlite::Stmt;
}
