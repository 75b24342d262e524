import ArgumentParser
import Foundation

/// ArgumentParser's errors as one line like every other error — `FIELD: what is wrong; what would be valid` —
/// with the usage left to `--help`. The parser's sentences (swift-argument-parser 1.8.2, pinned in
/// Package.swift; UsageErrorTests checks each shape through the binary) are reworded here; a sentence not
/// recognised keeps its words, on one line.
enum UsageError {
    static func line(for error: Error, arguments: [String]) -> String {
        let command = CommandPath(arguments)
        let message = CarePortal.message(for: error)
        // What the argument takes, from the line `fullMessage` shows as "Help:  <synopsis>  abstract".
        let help = CarePortal.fullMessage(for: error, columns: 100_000).split(separator: "\n")
            .first { $0.hasPrefix("Help:  ") }
            .map { $0.dropFirst(7).components(separatedBy: "  ").filter { !$0.isEmpty } }
            .flatMap { parts in parts.count > 1 ? "\(parts[0]): \(sentenceFragment(parts[1]))" : nil }
        let seeHelp = "see `\(command.name) --help`"

        if let r = message.range(of: "' is invalid for '", options: .backwards), message.hasPrefix("The value '"),
           let end = message[r.upperBound...].firstIndex(of: "'") {
            let value = String(message[message.index(message.startIndex, offsetBy: 11)..<r.lowerBound])
            let field = fieldName(String(message[r.upperBound..<end]))
            let rest = message[message.index(after: end)...]
            let valid: String
            if rest.hasPrefix(". Please provide one of") {
                valid = "expected one of " + listed(String(rest)).joined(separator: ", ")
            } else if rest.hasPrefix(": ") {
                valid = String(rest.dropFirst(2))
            } else {
                valid = help.map { "expected \($0)" } ?? seeHelp
            }
            return "\(field): \"\(value)\" is not valid; \(valid)"
        }
        if let synopsis = quoted(message, after: "Missing value for '") {
            return "\(fieldName(synopsis)): missing value; \(help.map { "expected \($0)" } ?? seeHelp)"
        }
        if let synopsis = quoted(message, after: "Missing expected argument '") {
            // `case message -1`: the parser takes -1 for an option; it was meant as the case number.
            if synopsis == "<case>", let negative = arguments.first(where: isNegativeNumber) {
                do { _ = try caseNumber(negative) } catch { return error.message }
            }
            return "\(fieldName(synopsis)): missing; \(help.map { "expected \($0)" } ?? seeHelp)"
        }
        if message.hasPrefix("Unknown option '") {
            let names = listed(message)
            let option = names.first ?? message
            if isNegativeNumber(option) { return "\(option): not an option, and a negative number is not valid here; \(seeHelp)" }
            let guess = names.count > 1 ? "did you mean \(names[1])? (\(seeHelp))" : "\(seeHelp) for the valid ones"
            return "\(option): unknown option; \(guess)"
        }
        if message.hasPrefix("Unexpected argument '") || message.contains(" unexpected arguments: '") {
            let extra = listed(message)
            return "\(extra.joined(separator: ", ")): unexpected argument\(extra.count > 1 ? "s" : ""); \(seeHelp)"
        }
        if let option = quoted(message, after: "The option '"), let value = quoted(message, after: "but '") {
            return "\(fieldName(option)): takes no value, but \"\(value)\" was given; write \(option) alone"
        }
        return message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
    }

    static func isNegativeNumber(_ word: String) -> Bool { word.count > 1 && word.hasPrefix("-") && word.dropFirst().allSatisfy(\.isNumber) }

    /// "--sort <sort>" → "sort"; "<severity>" → "severity"; "--json" → "json".
    static func fieldName(_ synopsis: String) -> String {
        let first = synopsis.split(separator: " ").first.map(String.init) ?? synopsis
        return String(first.drop { $0 == "-" || $0 == "<" }.prefix { $0 != ">" })
    }

    /// The text between `prefix` and the next `'`.
    static func quoted(_ message: String, after prefix: String) -> String? {
        guard let r = message.range(of: prefix) else { return nil }
        return message[r.upperBound...].firstIndex(of: "'").map { String(message[r.upperBound..<$0]) }
    }

    /// The 'quoted' words of a sentence, or its "  - bullet" lines.
    static func listed(_ sentence: String) -> [String] {
        let bullets = sentence.split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
        if !bullets.isEmpty { return bullets }
        return sentence.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// "P1, P2, P3 or P4." → "P1, P2, P3 or P4"; "A whole number …." → "a whole number …".
    static func sentenceFragment(_ abstract: String) -> String {
        var s = abstract.trimmingCharacters(in: .whitespaces)
        if s.hasSuffix(".") { s.removeLast() }
        // A capitalised first word starts a sentence; "P1" or "IANA" stays as it is.
        let word = s.prefix { $0.isLetter }
        if let first = word.first, first.isUppercase, word.dropFirst().allSatisfy(\.isLowercase),
           s.dropFirst(word.count).first.map({ !$0.isLetter && !$0.isNumber }) ?? true {
            s = s.prefix(1).lowercased() + s.dropFirst()
        }
        return s
    }
}

/// The command the words on the command line name (`careportal case show`), found by walking the subcommands.
struct CommandPath {
    var name = "careportal"

    init(_ arguments: [String]) {
        var type: ParsableCommand.Type = CarePortal.self
        for word in arguments where !word.hasPrefix("-") {
            guard let sub = type.configuration.subcommands.first(where: { $0._commandName == word }) else { continue }
            type = sub
            name += " " + word
        }
    }
}
