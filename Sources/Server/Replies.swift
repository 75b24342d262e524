import API
import Foundation
import Hummingbird

/// JSON already written (a list page, PageJSON.swift).
struct JSONBytes: ResponseGenerator, Sendable {
    var data: Data

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A JSON body the API answers with.
struct JSONReply<T: Encodable & Sendable>: ResponseGenerator, Sendable {
    var value: T
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Wire.encode(value))))
    }
}
