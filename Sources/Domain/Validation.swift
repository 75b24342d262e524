import Foundation

/// Field validation. Each function returns the cleaned value or a refusal naming the field.
public enum Validate {
    /// A case number as a person types it: 8 digits, an optional leading `#`, spaces around ignored.
    public static func caseNumber(_ raw: String) -> Result<Int, Refusal> {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else {
            return .failure(.invalid("case", "\"\(raw)\" is not a case number (8 digits, like 10234567)"))
        }
        return .success(n)
    }

    public static func title(_ raw: String) -> Result<String, Refusal> {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return .failure(.invalid("title", "enter a title (1–200 characters)")) }
        if t.count > Limits.titleLength.upperBound {
            return .failure(.invalid("title", "is \(t.count) characters; at most \(Limits.titleLength.upperBound) are allowed"))
        }
        if t.contains(where: { $0.isNewline }) { return .failure(.invalid("title", "must be one line")) }
        if let refusal = controlCharacters(in: t, field: "title", multiline: false) { return .failure(refusal) }
        return .success(t)
    }

    public static func description(_ raw: String) -> Result<String, Refusal> {
        text(raw, field: "description", max: Limits.descriptionMaxLength, whenEmpty: "describe the issue")
    }

    /// A description filed under `category`: besides its length, not the category's questions left unanswered.
    public static func description(_ raw: String, answering category: Category) -> Result<String, Refusal> {
        description(raw).flatMap { text in
            text.trimmingCharacters(in: .whitespacesAndNewlines)
                == CategoryCatalogue.descriptionTemplate(for: category).trimmingCharacters(in: .whitespacesAndNewlines)
                ? .failure(.invalid("description", "answer the questions of the category")) : .success(text)
        }
    }

    public static func message(_ raw: String, field: String = "message") -> Result<String, Refusal> {
        text(raw, field: field, max: Limits.messageMaxLength, whenEmpty: "write a message")
    }

    public static func justification(_ raw: String) -> Result<String, Refusal> {
        text(raw, field: "justification", max: Limits.justificationMaxLength, whenEmpty: "explain why the case needs escalating")
    }

    /// Multi-line text: trimmed, not empty, no control characters but newlines and tabs, at most `max` characters.
    static func text(_ raw: String, field: String, max: Int, whenEmpty: String) -> Result<String, Refusal> {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return .failure(.invalid(field, whenEmpty)) }
        if let refusal = controlCharacters(in: t, field: field, multiline: true) { return .failure(refusal) }
        if t.count > max { return .failure(.invalid(field, "is \(t.count) characters; at most \(max) are allowed")) }
        return .success(t)
    }

    /// A plain mailbox address: local@domain.tld, no spaces, no display name.
    public static func isEmailAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64, domain.count <= 253 else { return false }
        let localOK = local.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "!#$%&'*+-/=?^_`{|}~.".contains($0)) }
            && !local.hasPrefix(".") && !local.hasSuffix(".") && !local.contains("..")
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let domainOK = labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        } && labels.last!.allSatisfy(\.isLetter)
        return localOK && domainOK
    }

    public static func email(_ raw: String, field: String = "email") -> Result<String, Refusal> {
        let e = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard isEmailAddress(e) else {
            return .failure(.invalid(field, "\"\(raw)\" is not a valid email address (expected name@example.com)"))
        }
        return .success(e)
    }

    /// The case sharing list after adding and removing addresses. Removals come first, so an address removed
    /// and added again stays; an address already shared, or given twice, is refused rather than ignored.
    public static func sharing(current: [String], add: [String], remove: [String]) -> Result<[String], Refusal> {
        var list = current
        for raw in remove {
            let e = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard let i = list.firstIndex(of: e) else {
                return .failure(.invalid("remove", "\(raw) is not on this case's sharing list"))
            }
            list.remove(at: i)
        }
        var added: [String] = []
        for raw in add {
            switch email(raw, field: "add") {
            case .failure(let r): return .failure(r)
            case .success(let e):
                if added.contains(e) { return .failure(.invalid("add", "\(e) is given twice")) }
                if list.contains(e) { return .failure(.invalid("add", "\(e) is already on this case's sharing list")) }
                added.append(e)
                list.append(e)
            }
        }
        if list.count > Limits.sharingAddressesMax {
            return .failure(.invalid("add", "a case can be shared with at most \(Limits.sharingAddressesMax) addresses; this would make \(list.count)"))
        }
        return .success(list)
    }

    public static func attachment(name: String, size: Int) -> Result<Void, Refusal> {
        if name.isEmpty { return .failure(.invalid("file", "the attachment needs a file name")) }
        if let refusal = controlCharacters(in: name, field: "file", multiline: false) {
            return .failure(.invalid("file", "the name \"\(TerminalText.escape(name))\" " + refusal.reason))
        }
        if size > Limits.attachmentMaxBytes {
            return .failure(.invalid("file", "\(name) is \(ByteCount.format(size)); attachments can be at most 25 MiB"))
        }
        return .success(())
    }

    public static func password(_ raw: String) -> Result<String, Refusal> {
        if raw.count < Limits.passwordMinLength {
            return .failure(.invalid("password", "must have at least \(Limits.passwordMinLength) characters"))
        }
        return .success(raw)
    }

    /// IANA time zone identifiers known to the system, plus UTC.
    public static func timeZone(_ raw: String) -> Result<String, Refusal> {
        if raw == "UTC" || TimeZone(identifier: raw) != nil, !raw.isEmpty { return .success(raw) }
        return .failure(.invalid("time-zone", "\"\(raw)\" is not an IANA time zone (for example Europe/Paris or America/New_York)"))
    }

    public static let languages: [String: String] = [
        "en": "English", "fr": "Français", "de": "Deutsch", "es": "Español", "it": "Italiano",
        "pt": "Português", "nl": "Nederlands", "ja": "日本語", "ko": "한국어", "zh": "中文",
    ]

    public static func language(_ raw: String) -> Result<String, Refusal> {
        let l = raw.lowercased()
        if languages[l] != nil { return .success(l) }
        let valid = languages.keys.sorted().joined(separator: ", ")
        return .failure(.invalid("language", "\"\(raw)\" is not a support language; expected one of \(valid)"))
    }
}

public enum ByteCount {
    public static func format(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let kib = Double(bytes) / 1024
        if kib < 1024 { return String(format: "%.1f KiB", kib) }
        return String(format: "%.1f MiB", kib / 1024)
    }
}
