import Domain
import Foundation

extension PortalStore {
    /// Delivers every pending alert. Idempotent: a Maildir file is named after the Message-ID, so an alert
    /// delivered before a crash is not written twice; a failure leaves the alert pending for the next run.
    public func deliverAlerts(to destination: AlertDestination) throws(StoreError) -> DeliveryReport {
        try Self.deliverAlerts(to: destination, pending: { () throws(StoreError) in try pendingAlerts(limit: 200) },
                               mark: { (id, delivered, error) throws(StoreError) in try markAlert(id, delivered: delivered, error: error) })
    }

    /// Delivers every alert `pending` returns, a batch at a time, and marks each with its outcome (any store's outbox).
    package static func deliverAlerts(to destination: AlertDestination, pending: () throws(StoreError) -> [AlertMail],
                                      mark: (Int64, Bool, String?) throws(StoreError) -> Void) throws(StoreError) -> DeliveryReport {
        var report = DeliveryReport()
        while true {
            let batch = try pending()
            if batch.isEmpty { break }
            var progressed = false
            for mail in batch {
                if let problem = deliver(mail, to: destination) {
                    report.failed.append("\(mail.recipient): \(problem)")
                    try mark(mail.outboxID, false, problem)
                } else {
                    report.delivered += 1
                    progressed = true
                    try mark(mail.outboxID, true, nil)
                }
            }
            if !progressed { break }
        }
        return report
    }

    /// nil on success, else what went wrong.
    static func deliver(_ mail: AlertMail, to destination: AlertDestination) -> String? {
        switch destination {
        case .maildir(let dir): return deliverToMaildir(mail, dir: dir)
        case .sendmail(let command): return deliverBySendmail(mail, command: command)
        }
    }

    static func deliverToMaildir(_ mail: AlertMail, dir: String) -> String? {
        let fm = FileManager.default
        do {
            for sub in ["tmp", "new", "cur"] {
                try fm.createDirectory(atPath: "\(dir)/\(sub)", withIntermediateDirectories: true)
            }
        } catch { return "can't create the Maildir \(dir): \(error.localizedDescription)" }
        let name = "careportal." + mail.messageID.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "=" }
        let delivered = (try? fm.contentsOfDirectory(atPath: "\(dir)/cur"))?.contains { $0.hasPrefix(name) } ?? false
        if fm.fileExists(atPath: "\(dir)/new/\(name)") || delivered { return nil }
        let tmp = "\(dir)/tmp/\(name)"
        guard fm.createFile(atPath: tmp, contents: Data(mail.text.utf8)) else { return "can't write \(tmp)" }
        if rename(tmp, "\(dir)/new/\(name)") != 0 { return "can't move \(tmp) into new/" }
        return nil
    }

    static func deliverBySendmail(_ mail: AlertMail, command: String) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command + " \"$0\"", mail.recipient]
        let input = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        // A command that exits without reading the message must fail this delivery, not kill the process
        // with SIGPIPE.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        do { try p.run() } catch { return "can't run \(command): \(error.localizedDescription)" }
        let written: Bool
        do { try input.fileHandleForWriting.write(contentsOf: Data(mail.text.utf8)); written = true } catch { written = false }
        try? input.fileHandleForWriting.close()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 0 && !written { return "\(command) exited before reading the message" }
        if p.terminationStatus != 0 {
            return "\(command) exited \(p.terminationStatus)\(message.isEmpty ? "" : ": " + message.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
        return nil
    }
}
