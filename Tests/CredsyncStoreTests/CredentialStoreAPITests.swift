import CredsyncStore
import Foundation
import Testing

@Suite("credential store: API v1 rows")
struct CredentialStoreAPITests {
    @Test("API v1 creates a new row every time, beside the webhook's row for the pair")
    func createAlwaysCreates() throws {
        let store = try CredentialStore(path: nil)
        _ = try store.upsert(userId: 1, appSlug: "zoom", type: "zoom_video", key: #"{"access_token":"w"}"#)
        let first = try store.create(userId: 1, appSlug: "zoom", type: "zoom_video", key: #"{"access_token":"a"}"#)
        let second = try store.create(userId: 1, appSlug: "zoom", type: "zoom_video", key: #"{"access_token":"b"}"#)
        #expect(first != second)
        #expect(try store.count(userId: 1, appSlug: "zoom") == 3)

        // A webhook push still updates one row: the first for the pair.
        let push = try store.upsert(userId: 1, appSlug: "zoom", type: "zoom_video", key: #"{"access_token":"c"}"#)
        #expect(push == .updated(id: try #require(store.credentials().first?.id)))
        #expect(try store.count(userId: 1, appSlug: "zoom") == 3)
    }

    @Test("PATCH and DELETE touch a row only with its owner, or any owner when unscoped")
    func scopedUpdateAndDelete() throws {
        let store = try CredentialStore(path: nil)
        let id = try store.create(userId: 1, appSlug: "zoom", type: "zoom_video", key: #"{"access_token":"a"}"#)
        #expect(try store.updateKey(id: id, userId: 2, key: "{}") == nil)
        #expect(try store.delete(id: id, userId: 2) == nil)
        let updated = try #require(try store.updateKey(id: id, userId: 1, key: #"{"access_token":"b"}"#))
        #expect(updated.key == #"{"access_token":"b"}"#)
        #expect(try store.updateKey(id: id, userId: nil, key: #"{"access_token":"c"}"#)?.userId == 1)
        #expect(try store.delete(id: id, userId: 1)?.id == id)
        #expect(try store.delete(id: id, userId: nil) == nil)
        #expect(try store.credentials().isEmpty)
    }
}
