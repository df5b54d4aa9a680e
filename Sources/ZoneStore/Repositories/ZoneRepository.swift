import SQLKit

/// A development zone: the top of one org tree. A province database holds several.
public struct Zone: Sendable, Equatable, Codable {
    public let id: Int64
    public let code: String
    public let name: String
}

public struct ZoneRepository: Sendable {
    let database: ZoneDatabase

    public func all() async throws -> [Zone] {
        try await database.reader.raw("SELECT id, code, name FROM zones ORDER BY id").all().map(Self.zone)
    }

    public func find(code: String) async throws -> Zone? {
        try await database.reader.raw("SELECT id, code, name FROM zones WHERE code = \(bind: code)").first().map(Self.zone)
    }

    public func find(id: Int64) async throws -> Zone? {
        try await database.reader.raw("SELECT id, code, name FROM zones WHERE id = \(bind: id)").first().map(Self.zone)
    }

    static func zone(_ row: any SQLRow) throws -> Zone {
        Zone(id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
             name: try row.decode(column: "name", as: String.self))
    }
}
