#ifndef CREDSYNC_CSQLITE_SHIM_H
#define CREDSYNC_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import: it tells SQLite to copy bound text before returning.
static inline sqlite3_destructor_type credsync_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
