import CredsyncStore
import Foundation
import Testing

@Suite("credential store")
struct CredentialStoreTests {
    @Test("the first push creates, the next ones update the same row")
    func createThenUpdate() throws {
        let store = try CredentialStore(path: nil)
        let first = try store.upsert(userId: 1, appSlug: "zoom", type: "zoom_video", key: #"{"access_token":"a"}"#)
        let second = try store.upsert(userId: 1, appSlug: "zoom", type: "zoom_video", key: #"{"access_token":"b"}"#)
        guard case .created(let id) = first else {
            Issue.record("the first write did not create: \(first)")
            return
        }
        #expect(second == .updated(id: id))
        let stored = try store.credentials()
        #expect(stored.count == 1)
        #expect(stored.first?.key == #"{"access_token":"b"}"#)
        #expect(stored.first?.writes == 2)
    }

    @Test("100 concurrent first pushes for one pair create exactly one row")
    func concurrentFirstPushes() async throws {
        let store = try CredentialStore(path: nil)
        let writes = try await withThrowingTaskGroup(of: CredentialStore.Write.self) { group in
            for index in 0..<100 {
                group.addTask {
                    try store.upsert(
                        userId: 7,
                        appSlug: "google-calendar",
                        type: "google_calendar",
                        key: "{\"n\":\(index)}"
                    )
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(writes.filter { if case .created = $0 { true } else { false } }.count == 1)
        #expect(try store.count(userId: 7, appSlug: "google-calendar") == 1)
    }

    @Test("a file store keeps its rows across reopening, and refuses a foreign file")
    func durable() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "store-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try CredentialStore(path: path)
            _ = try store.upsert(userId: 2, appSlug: "msteams", type: "office365_video", key: "{}")
        }
        #expect(try CredentialStore(path: path).credentials().map(\.appSlug) == ["msteams"])

        let foreign = path + ".txt"
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: foreign))
        defer { try? FileManager.default.removeItem(atPath: foreign) }
        #expect(throws: StoreError.self) { try CredentialStore(path: foreign) }
        #expect(throws: StoreError.self) { try CredentialStore(path: "/nonexistent/folder/db.sqlite") }
    }
}
