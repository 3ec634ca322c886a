public import Foundation
import Synchronization

/// The credentials a stand-in Cal.com has received: one row per (user, app) for webhook pushes, under a unique
/// constraint, so that concurrent pushes for the same pair never make two. Credentials made through API v1
/// (``create(userId:appSlug:type:key:)``) are always new rows, as Cal.com's API v1 POST makes them, so they may
/// duplicate a pair.
///
/// Every write is committed, and synced to disk for a file store, before it returns, so a push acknowledged after
/// a write survives the process being killed.
public final class CredentialStore: Sendable {
    /// What a write did.
    public enum Write: Sendable, Hashable {
        /// A new row was made, with this id.
        case created(id: Int64)
        /// The existing row with this id was replaced.
        case updated(id: Int64)
    }

    /// One stored credential.
    public struct Credential: Sendable, Hashable {
        public let id: Int64
        public let userId: Int64
        public let appSlug: String
        public let type: String
        /// The decrypted credential document, as JSON text.
        public let key: String
        public let createdAt: Date
        public let updatedAt: Date
        /// How many pushes wrote this row.
        public let writes: Int64
    }

    private static let schemaVersion: Int64 = 2

    private static let columns = "id, user_id, app_slug, type, key, created_at, updated_at, writes"

    private static let table = """
        CREATE TABLE IF NOT EXISTS credentials (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id INTEGER NOT NULL,
            app_slug TEXT NOT NULL,
            type TEXT NOT NULL,
            key TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            writes INTEGER NOT NULL DEFAULT 1,
            origin TEXT NOT NULL DEFAULT 'webhook'
        );
        CREATE UNIQUE INDEX IF NOT EXISTS credentials_webhook_pair ON credentials (user_id, app_slug)
            WHERE origin = 'webhook';
        """

    private let database: Mutex<SQLiteDatabase>

    /// Opens a store.
    ///
    /// - Parameter path: A database file, created if missing; `nil` keeps the store in memory.
    /// - Throws: ``StoreError`` when the file cannot be opened or belongs to something else.
    public init(path: String?) throws(StoreError) {
        let database = try SQLiteDatabase(path: path ?? ":memory:")
        if path != nil {
            try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")
        }
        try database.execute(
            "CREATE TABLE IF NOT EXISTS credsync_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
        )
        let version = try database.query("SELECT value FROM credsync_meta WHERE name = 'schema'").first?.first
        switch version {
        case nil:
            try database.execute(
                Self.table + "INSERT INTO credsync_meta (name, value) VALUES ('schema', \(Self.schemaVersion));"
            )
        case .integer(1)?:
            // Version 1 held webhook rows only, under a plain unique (user, app) constraint.
            try database.execute(
                """
                BEGIN IMMEDIATE;
                ALTER TABLE credentials RENAME TO credentials_v1;
                \(Self.table)
                INSERT INTO credentials (\(Self.columns)) SELECT \(Self.columns) FROM credentials_v1;
                DROP TABLE credentials_v1;
                UPDATE credsync_meta SET value = \(Self.schemaVersion) WHERE name = 'schema';
                COMMIT;
                """
            )
        case .integer(Self.schemaVersion)?:
            break
        default:
            throw StoreError(.schema, "the file has another schema version; use a new --db file")
        }
        self.database = Mutex(database)
    }

    /// Creates the (user, app) credential or replaces its key, atomically.
    ///
    /// - Parameters:
    ///   - userId: The Cal.com user id.
    ///   - appSlug: The app slug.
    ///   - type: The credential type, such as `google_calendar`.
    ///   - key: The decrypted credential document as JSON text.
    /// - Returns: Whether the row was created or updated, with its id.
    /// - Throws: ``StoreError`` when the write fails; nothing is written then.
    public func upsert(userId: Int64, appSlug: String, type: String, key: String) throws(StoreError) -> Write {
        let now = Date().timeIntervalSince1970
        return try database.withLock { database throws(StoreError) -> Write in
            try database.execute("BEGIN IMMEDIATE")
            do throws(StoreError) {
                let existing = try database.query(
                    "SELECT id FROM credentials WHERE user_id = ? AND app_slug = ? ORDER BY id LIMIT 1",
                    [.integer(userId), .text(appSlug)]
                )
                let write: Write
                if case .integer(let id)? = existing.first?.first {
                    _ = try database.query(
                        "UPDATE credentials SET key = ?, updated_at = ?, writes = writes + 1 WHERE id = ?",
                        [.text(key), .text(String(now)), .integer(id)]
                    )
                    write = .updated(id: id)
                } else {
                    let rows = try database.query(
                        """
                        INSERT INTO credentials (user_id, app_slug, type, key, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                        """,
                        [
                            .integer(userId), .text(appSlug), .text(type), .text(key), .text(String(now)),
                            .text(String(now)),
                        ]
                    )
                    guard case .integer(let id)? = rows.first?.first else {
                        throw StoreError(.statement, "the insert returned no id")
                    }
                    write = .created(id: id)
                }
                try database.execute("COMMIT")
                return write
            } catch {
                try? database.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Creates a new credential, whatever exists for the pair, as API v1 POST does.
    ///
    /// - Parameters:
    ///   - userId: The Cal.com user id.
    ///   - appSlug: The app slug.
    ///   - type: The credential type.
    ///   - key: The decrypted credential document as JSON text.
    /// - Returns: The new row's id.
    /// - Throws: ``StoreError`` when the write fails.
    public func create(userId: Int64, appSlug: String, type: String, key: String) throws(StoreError) -> Int64 {
        let now = String(Date().timeIntervalSince1970)
        let rows = try database.withLock { database throws(StoreError) in
            try database.query(
                """
                INSERT INTO credentials (user_id, app_slug, type, key, created_at, updated_at, origin)
                VALUES (?, ?, ?, ?, ?, ?, 'api') RETURNING id
                """,
                [.integer(userId), .text(appSlug), .text(type), .text(key), .text(now), .text(now)]
            )
        }
        guard case .integer(let id)? = rows.first?.first else {
            throw StoreError(.statement, "the insert returned no id")
        }
        return id
    }

    /// Replaces the key of a credential, as API v1 PATCH does.
    ///
    /// - Parameters:
    ///   - id: The credential id.
    ///   - userId: The owner it must have, or `nil` for any owner.
    ///   - key: The decrypted credential document as JSON text.
    /// - Returns: The updated credential, or `nil` when no row matches.
    /// - Throws: ``StoreError`` when the write fails.
    public func updateKey(id: Int64, userId: Int64?, key: String) throws(StoreError) -> Credential? {
        let now = String(Date().timeIntervalSince1970)
        let rows = try database.withLock { database throws(StoreError) in
            try database.query(
                """
                UPDATE credentials SET key = ?, updated_at = ?, writes = writes + 1
                WHERE id = ? AND (? IS NULL OR user_id = ?) RETURNING id
                """,
                [
                    .text(key), .text(now), .integer(id), userId.map { .integer($0) } ?? .null,
                    userId.map { .integer($0) } ?? .null,
                ]
            )
        }
        guard !rows.isEmpty else {
            return nil
        }
        return try credentials().first { $0.id == id }
    }

    /// Deletes a credential, as API v1 DELETE does.
    ///
    /// - Parameters:
    ///   - id: The credential id.
    ///   - userId: The owner it must have, or `nil` for any owner.
    /// - Returns: The deleted credential, or `nil` when no row matches.
    /// - Throws: ``StoreError`` when the write fails.
    public func delete(id: Int64, userId: Int64?) throws(StoreError) -> Credential? {
        guard let credential = try credentials().first(where: { $0.id == id && (userId ?? $0.userId) == $0.userId })
        else {
            return nil
        }
        let rows = try database.withLock { database throws(StoreError) in
            try database.query("DELETE FROM credentials WHERE id = ? RETURNING id", [.integer(id)])
        }
        return rows.isEmpty ? nil : credential
    }

    /// Every stored credential, by id.
    public func credentials() throws(StoreError) -> [Credential] {
        let rows = try database.withLock { database throws(StoreError) in
            try database.query(
                """
                SELECT id, user_id, app_slug, type, key, CAST(created_at AS TEXT), CAST(updated_at AS TEXT), writes
                FROM credentials ORDER BY id
                """
            )
        }
        return rows.compactMap { row in
            guard row.count == 8, case .integer(let id) = row[0], case .integer(let userId) = row[1],
                case .text(let appSlug) = row[2], case .text(let type) = row[3], case .text(let key) = row[4],
                case .text(let created) = row[5], case .text(let updated) = row[6], case .integer(let writes) = row[7]
            else {
                return nil
            }
            return Credential(
                id: id,
                userId: userId,
                appSlug: appSlug,
                type: type,
                key: key,
                createdAt: Date(timeIntervalSince1970: Double(created) ?? 0),
                updatedAt: Date(timeIntervalSince1970: Double(updated) ?? 0),
                writes: writes
            )
        }
    }

    /// How many rows exist for a (user, app) pair: never more than one made by webhook pushes.
    public func count(userId: Int64, appSlug: String) throws(StoreError) -> Int {
        try database.withLock { database throws(StoreError) in
            try database.query(
                "SELECT COUNT(*) FROM credentials WHERE user_id = ? AND app_slug = ?",
                [.integer(userId), .text(appSlug)]
            )
        }.first.flatMap { row -> Int? in
            if case .integer(let count)? = row.first { Int(count) } else { nil }
        } ?? 0
    }
}
