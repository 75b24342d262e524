import Foundation

/// The routes of docs/openapi.yaml, read line by line (the document keeps one layout: a path at two spaces, a method
/// at four, a status at eight), so a test can hold every answer of the server against what the document promises.
struct OpenAPIDocument {
    struct Operation: Hashable { var method: String; var path: String }
    /// The documented statuses of each operation.
    var statuses: [Operation: Set<Int>] = [:]
    var problemTypes: Set<String> = []

    init(_ text: String) {
        var path: String?, method: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); method = nil; continue }
            if line.hasPrefix("components:") { path = nil }
            if let p = path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let m = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "delete"].contains(m) { method = String(m); statuses[Operation(method: String(m), path: p), default: []] = [] }
                continue
            }
            if let p = path, let m = method, line.hasPrefix("        \""), let code = Int(line.dropFirst(9).prefix(3)) {
                statuses[Operation(method: m, path: p), default: []].insert(code)
            }
            if line.contains("type: {enum: [/problems/") {
                let list = line.split(separator: "[").last?.split(separator: "]").first ?? ""
                problemTypes = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
        }
    }

    /// The documented operation a concrete request is, matching `{parameters}` to one path segment.
    func operation(_ method: String, _ concretePath: String) -> Operation? {
        let path = concretePath.split(separator: "?").first.map(String.init) ?? concretePath
        let segments = path.split(separator: "/")
        // Literal segments win over parameters (/v1/cases/count before /v1/cases/{number}).
        let candidates = statuses.keys.filter { op in
            let template = op.path.split(separator: "/")
            return op.method == method.lowercased() && template.count == segments.count
                && zip(template, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        return candidates.min { $0.path.filter { $0 == "{" }.count < $1.path.filter { $0 == "{" }.count }
    }
}
