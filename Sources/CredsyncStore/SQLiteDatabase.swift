internal import CSQLite

/// One SQLite connection and the statements run on it. It owns every SQLite pointer; nothing else in the package
/// imports SQLite. Not thread-safe: ``CredentialStore`` serialises all use behind a mutex.
final class SQLiteDatabase {
    /// A value bound to or read from a statement.
    enum Value: Equatable {
        case integer(Int64)
        case text(String)
        case null
    }

    private let handle: OpaquePointer

    /// Opens or creates a database.
    ///
    /// - Parameter path: A file path, or `:memory:`.
    /// - Throws: ``StoreError`` with code `open`.
    init(path: String) throws(StoreError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw StoreError(.open, "cannot open '\(path)': \(message)")
        }
        self.handle = handle
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit {
        sqlite3_close(handle)
    }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw StoreError(.statement, text)
        }
    }

    /// Runs one statement with bound parameters and returns its rows.
    func query(_ sql: String, _ parameters: [Value] = []) throws(StoreError) -> [[Value]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StoreError(.statement, lastError)
        }
        defer { sqlite3_finalize(statement) }

        for (index, parameter) in parameters.enumerated() {
            let position = Int32(index + 1)
            let status: Int32
            switch parameter {
            case .integer(let value): status = sqlite3_bind_int64(statement, position, value)
            case .text(let value):
                status = sqlite3_bind_text(statement, position, value, -1, credsync_sqlite_transient())
            case .null: status = sqlite3_bind_null(statement, position)
            }
            guard status == SQLITE_OK else {
                throw StoreError(.statement, lastError)
            }
        }

        var rows: [[Value]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE {
                return rows
            }
            guard status == SQLITE_ROW else {
                throw StoreError(.statement, lastError)
            }
            rows.append(
                (0..<sqlite3_column_count(statement)).map { column in
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, column))
                    case SQLITE_NULL: .null
                    default: .text(String(cString: sqlite3_column_text(statement, column)))
                    }
                }
            )
        }
    }

    private var lastError: String {
        String(cString: sqlite3_errmsg(handle))
    }
}
