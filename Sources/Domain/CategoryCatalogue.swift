import Foundation

/// A support category, `Area > Topic > Issue`, with the questions the case description must answer.
public struct Category: Sendable, Equatable, Hashable, Codable {
    /// "Gmail > Delivery > Messages not received"
    public let path: String
    /// One to four questions the filer answers in the description.
    public let questions: [String]

    public init(path: String, questions: [String]) {
        self.path = path
        self.questions = questions
    }

    private var parts: [String] {
        path.components(separatedBy: " > ")
    }
    public var area: String { parts.first ?? "" }
    public var topic: String { let p = parts; return p.count > 1 ? p[1] : "" }
    public var issue: String { let p = parts; return p.count > 2 ? p[2...].joined(separator: " > ") : "" }
}

public enum CategoryResolution: Equatable, Sendable {
    case found(Category)
    /// No clear winner: the best candidates, best first (at most 5).
    case ambiguous([Category])
    case notFound
}

public enum CategoryCatalogue {
    /// Every category, in catalogue order (grouped by area).
    public static let all: [Category] = entries.map { Category(path: $0.0, questions: $0.1) }

    /// Ranked keyword search: best match first. Words are matched case-insensitively, as prefixes of words in the path
    /// (and weaker, in the questions); more matched words and matches in Issue/Topic rank higher; ties keep catalogue order.
    /// Empty query returns all in catalogue order.
    ///
    /// `limit` applies to every result, including the empty query (`limit: .max` for everything).
    /// Common words such as "the", "is" or "with" are ignored unless the query has nothing else.
    public static func search(_ words: String, limit: Int = 10) -> [Category] {
        guard limit > 0 else { return [] }
        let query = queryWords(words)
        if query.isEmpty { return Array(all.prefix(limit)) }
        return ranked(query).prefix(limit).map { all[$0.index] }
    }

    /// Exact path, case-insensitive; spaces around ">" do not matter.
    public static func category(path: String) -> Category? {
        let key = normalisedPath(path)
        return all.first { normalisedPath($0.path) == key }
    }

    /// For `case create --category K`: an exact path, or words matching exactly one category best (a clear winner).
    ///
    /// - exact path (see `category(path:)`) → `.found`
    /// - exactly one category matches every word → `.found`
    /// - several match every word and the best scores strictly higher than the next → `.found`
    /// - several match every word equally well → `.ambiguous` (the top 5)
    /// - no category matches every word, or the text has no words → `.notFound`
    ///   (`search` still lists categories that match some of the words)
    public static func resolve(_ text: String) -> CategoryResolution {
        if let exact = category(path: text) { return .found(exact) }
        let query = queryWords(text)
        if query.isEmpty { return .notFound }
        let complete = ranked(query).filter { $0.matched == query.count }
        if complete.isEmpty { return .notFound }
        if complete.count == 1 || complete[0].score > complete[1].score {
            return .found(all[complete[0].index])
        }
        return .ambiguous(complete.prefix(5).map { all[$0.index] })
    }

    /// Description template: the questions as a prefilled text for the filer to answer.
    ///
    ///     1. Which recipient addresses are missing mail…?
    ///     Answer:
    ///
    ///     2. …
    public static func descriptionTemplate(for category: Category) -> String {
        category.questions.enumerated()
            .map { "\($0.offset + 1). \($0.element)\nAnswer: \n" }
            .joined(separator: "\n")
    }

    // MARK: ranking

    struct Scored {
        var index: Int
        var matched: Int
        var score: Int
    }

    /// Weights of the best place a query word matches; a whole-word match adds 1 in the path.
    private static let issueWeight = 6, topicWeight = 4, areaWeight = 2, questionWeight = 1

    private struct Indexed: Sendable {
        var area: [String]
        var topic: [String]
        var issue: [String]
        var questions: [String]
    }

    private static let index: [Indexed] = all.map { c in
        Indexed(area: tokens(c.area), topic: tokens(c.topic), issue: tokens(c.issue),
                questions: Array(Set(c.questions.flatMap(tokens))))
    }

    static func ranked(_ query: [String]) -> [Scored] {
        var out: [Scored] = []
        for (n, entry) in index.enumerated() {
            var matched = 0, score = 0
            for word in query {
                let s = weight(of: word, in: entry)
                if s > 0 { matched += 1; score += s }
            }
            if matched > 0 { out.append(Scored(index: n, matched: matched, score: score)) }
        }
        // Stable: ties keep catalogue order.
        return out.enumerated().sorted { a, b in
            if a.element.matched != b.element.matched { return a.element.matched > b.element.matched }
            if a.element.score != b.element.score { return a.element.score > b.element.score }
            return a.offset < b.offset
        }.map(\.element)
    }

    private static func weight(of word: String, in entry: Indexed) -> Int {
        let stem = stem(word)
        func matches(_ w: String) -> Bool { w.hasPrefix(word) || (stem != word && w.hasPrefix(stem)) }
        func place(_ words: [String], _ weight: Int) -> Int {
            var best = 0
            for w in words where matches(w) {
                best = max(best, w == word ? weight + 1 : weight)
            }
            return best
        }
        let inPath = max(place(entry.issue, issueWeight), place(entry.topic, topicWeight), place(entry.area, areaWeight))
        if inPath > 0 { return inPath }
        return entry.questions.contains(where: matches) ? questionWeight : 0
    }

    /// A light English stemmer for query words, so "bounces" finds "bounced" and "failed" finds "failing".
    static func stem(_ word: String) -> String {
        for (suffix, minimum) in [("ing", 6), ("ed", 5), ("es", 5), ("s", 4)] where word.count >= minimum && word.hasSuffix(suffix) {
            // "-es": drop only the "s" ("bounces" → "bounce"); others drop the whole suffix.
            return String(word.dropLast(suffix == "es" ? 1 : suffix.count))
        }
        return word
    }

    private static let stopWords: Set<String> = [
        "a", "an", "the", "is", "are", "was", "be", "to", "of", "in", "on", "for", "and", "or", "with",
        "my", "our", "i", "we", "it", "its", "do", "does", "can", "cannot", "cant", "from", "at", "by",
    ]

    static func queryWords(_ text: String) -> [String] {
        let all = tokens(text)
        let meaningful = all.filter { !stopWords.contains($0) }
        return meaningful.isEmpty ? all : meaningful
    }

    /// Lower-cased, accent-folded runs of letters and digits.
    static func tokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var out: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.map(britishSpelling)
    }

    /// The catalogue is written in British English; US spellings find the same words.
    private static let spellings: [(String, String)] = [
        ("licens", "licenc"), ("organiz", "organis"), ("enroll", "enrol"), ("authoriz", "authoris"),
    ]

    private static func britishSpelling(_ word: String) -> String {
        var w = word
        for (us, gb) in spellings where w.contains(us) {
            w = w.replacingOccurrences(of: us, with: gb)
        }
        return w
    }

    private static func normalisedPath(_ path: String) -> String {
        path.split(separator: ">", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }
            .joined(separator: " > ")
    }

    // MARK: the catalogue

    private static let entries: [(String, [String])] = [
        // Gmail
        ("Gmail > Delivery > Messages not received", [
            "Which recipient addresses are missing mail, and from which sender addresses or domains?",
            "Does Email Log Search in the Admin console find the message? If so, what status does it show?",
            "When was the first message missed (date, time and time zone)?",
            "Does the sender get a bounce? Paste its full text.",
        ]),
        ("Gmail > Delivery > Outgoing messages bounced", [
            "What is the full bounce message, including the SMTP code (for example 550 5.7.1)?",
            "Do all recipient domains reject the mail, or only some? Name two of them.",
            "Is an outbound gateway or SMTP relay service configured in the Gmail settings?",
        ]),
        ("Gmail > Delivery > Messages delayed", [
            "How long are messages delayed, and since when (date, time and time zone)?",
            "Are incoming, outgoing or internal messages delayed?",
            "Paste the full headers of one delayed message.",
        ]),
        ("Gmail > Spam and phishing > Legitimate mail marked as spam", [
            "Which senders or domains are wrongly sent to spam? Give the Message-ID of one example.",
            "Do SPF, DKIM and DMARC pass in that message's Authentication-Results header?",
            "Are the senders on an approved senders list or in a spam setting for the organisational unit?",
        ]),
        ("Gmail > Spam and phishing > Phishing or spam reaching inboxes", [
            "How many users received it, and how many messages in total?",
            "Paste the full headers of one example message.",
            "Did anyone click a link, open an attachment or enter a password?",
        ]),
        ("Gmail > Authentication > SPF, DKIM or DMARC failing", [
            "Which check fails (SPF, DKIM or DMARC), and what does the Authentication-Results header say?",
            "What are the domain's current TXT records for SPF, the DKIM selector (google._domainkey) and _dmarc?",
            "Was DKIM signing started under Apps > Google Workspace > Gmail > Authenticate email, and when?",
        ]),
        ("Gmail > Routing > Routing or compliance rule not applied", [
            "Which rule is not applied (setting type and rule name)?",
            "On which organisational unit or group is the rule set?",
            "Paste the headers of a message the rule should have affected.",
        ]),
        ("Gmail > Mail clients > IMAP or POP client cannot connect", [
            "Which mail client and version, and which server, port and encryption settings?",
            "What error does the client show, word for word?",
            "Is IMAP or POP access on for the user's organisational unit, and does the client sign in with OAuth or an app password?",
        ]),
        ("Gmail > Mailbox > Mailbox over storage quota", [
            "Which users are at their limit, and how much storage does the Admin console show for each?",
            "Are senders getting bounces that say the mailbox is full?",
            "Which edition and licence do these users have?",
        ]),
        ("Gmail > Delegation and aliases > Delegated mailbox or alias not working", [
            "Which mailbox, and which delegate or alias address?",
            "What happens when the delegate opens the mailbox, or when mail is sent to the alias?",
            "When was the delegation or alias added?",
        ]),
        ("Gmail > Sending limits > User blocked from sending", [
            "What does the user see when sending (for example \"You have reached a limit for sending mail\")?",
            "Roughly how many messages and recipients did the user send in the last 24 hours?",
            "Does the user send through scripts, a mail merge add-on or the SMTP relay?",
        ]),
        ("Gmail > Forwarding > Automatic forwarding not working", [
            "From which address to which destination address is mail forwarded?",
            "Is automatic forwarding allowed for the user's organisational unit?",
            "Was the destination address verified, and do forwarded messages bounce?",
        ]),

        // Drive and Docs
        ("Drive and Docs > Sharing > Cannot share outside the organisation", [
            "Which user, which file (link) and which external address?",
            "What message appears when they try to share?",
            "What are the sharing options for the user's organisational unit (external sharing, allowlisted domains)?",
        ]),
        ("Drive and Docs > Files > Files missing or deleted", [
            "Which files or folders are missing (names, owner and links or IDs)?",
            "When were they last seen, and was the owner's account deleted or suspended since?",
            "What does the Drive audit log show for delete, trash or move events on them?",
        ]),
        ("Drive and Docs > Files > Ownership transfer failed", [
            "From which user to which user, and roughly how many files?",
            "Was the transfer started under Apps > Google Workspace > Drive and Docs > Transfer ownership?",
            "What status or error did the transfer report?",
        ]),
        ("Drive and Docs > Shared drives > Members cannot access a shared drive", [
            "Which shared drive, and which members or groups cannot access it?",
            "What access level do they have (Manager, Content manager, Contributor, Commenter or Viewer)?",
            "What do they see when they open the shared drive or one of its files?",
        ]),
        ("Drive and Docs > Drive for desktop > Files not syncing", [
            "Which operating system and Drive for desktop version?",
            "What does the Drive for desktop window say, word for word?",
            "Is it one user or many, and do they stream or mirror files?",
        ]),
        ("Drive and Docs > Docs editors > Document will not open or load", [
            "Which document (link), and which browser and version?",
            "What error appears (for example \"Unable to load file\")?",
            "Does it open in an incognito window, or for another user?",
        ]),
        ("Drive and Docs > Docs editors > Microsoft Office files cannot be edited or converted", [
            "Which file type (docx, xlsx, pptx) and size, and is it password-protected?",
            "Does the problem happen when editing in Office compatibility mode or when converting to a Google file?",
            "What message appears, word for word?",
        ]),
        ("Drive and Docs > Storage > Pooled storage full", [
            "How much storage does Admin console > Storage show as used and available?",
            "Which users or shared drives use the most storage?",
            "Have storage limits been set for users, organisational units or shared drives?",
        ]),

        // Calendar
        ("Calendar > Events > Invitations not received", [
            "Who organised the event, and which invitees (internal or external) did not get it?",
            "Was the event created in Google Calendar, Outlook or another client?",
            "Does the event appear on the guest's calendar without the invitation email, or not at all?",
        ]),
        ("Calendar > Events > Events missing or duplicated", [
            "Which calendars, and roughly how many events?",
            "Were events recently imported, migrated or synced by a third-party tool?",
            "Give one example event with its date and organiser.",
        ]),
        ("Calendar > Sharing > Free/busy information not visible", [
            "Between which users or domains is free/busy information missing?",
            "What calendar sharing options are set for the organisational unit, inside and outside the organisation?",
            "Is Calendar Interop with Microsoft Exchange in use?",
        ]),
        ("Calendar > Resources > Room or resource booking fails", [
            "Which room or resource (name and calendar address)?",
            "What happens when users book it: declined, not listed, or an error?",
            "Who can book it, and are there booking permissions set in Buildings and resources?",
        ]),
        ("Calendar > Interop > Exchange calendar sync problems", [
            "Which direction fails: Google to Exchange, Exchange to Google, or both?",
            "What does the Calendar Interop troubleshooting tool report?",
            "Which Exchange version is it (Exchange Online or an on-premises version)?",
        ]),

        // Meet
        ("Meet > Meetings > Participants cannot join a meeting", [
            "What is the meeting code or link, and who organised the meeting?",
            "What message does the participant see?",
            "Are they signed in with a Workspace account, a personal account, or not signed in?",
        ]),
        ("Meet > Quality > Poor audio or video quality", [
            "How many participants are affected, and on which networks (office, home, VPN)?",
            "Which browser, app or meeting room hardware do they use?",
            "What does the Meet quality tool show for the affected meeting (meeting code and date)?",
        ]),
        ("Meet > Recording > Recordings missing or not saved", [
            "Which meeting (code and date), and who started the recording?",
            "Did the organiser receive the email with the recording link?",
            "Does the organiser's edition include recording, and is recording on for their organisational unit?",
        ]),
        ("Meet > Hardware > Meeting room device offline", [
            "Which device (model and serial number), and in which room?",
            "What status does Devices > Google Meet hardware show for it?",
            "When did it last work, and was there a network or firmware change since?",
        ]),
        ("Meet > Dial-in > Phone dial-in numbers missing", [
            "Which countries' dial-in numbers are missing, and for which organiser?",
            "Is dial-in turned on for the organiser's organisational unit?",
            "Does the event or meeting show a PIN but no number, or nothing at all?",
        ]),

        // Chat
        ("Chat > Messages > Messages not delivered", [
            "Between which users, and in a direct message or a space?",
            "What does the sender see next to the message (for example \"Not delivered\")?",
            "Are the users in different organisations, or under different chat settings?",
        ]),
        ("Chat > Spaces > Cannot add external people to a space", [
            "Which space and which external addresses?",
            "Was the space created as open to people outside the organisation?",
            "What do the external chat settings of the space manager's organisational unit allow?",
        ]),
        ("Chat > Chat apps > Chat app or webhook not responding", [
            "Which Chat app or webhook, and in which space?",
            "What does the app reply, or what error does the space show?",
            "Is the app allowed in Admin console > Apps > Google Workspace > Google Chat > Chat apps?",
        ]),
        ("Chat > History > Chat history missing", [
            "Which conversation or space, and over which dates?",
            "Is history on or off for the conversation, and what is the organisation's default?",
            "Was the data expected to be kept by a Vault retention rule?",
        ]),

        // Admin console
        ("Admin console > Users > Cannot create a user", [
            "What error appears when creating the user, word for word?",
            "Which address did you use, and does a group, alias or recently deleted user already use it?",
            "Are licences of the right edition available?",
        ]),
        ("Admin console > Users > User suspended or locked out", [
            "Which user, and what message do they see when signing in?",
            "Does the Admin console show the user as suspended, and with which reason (for example \"suspicious activity\")?",
            "When did the user last sign in successfully?",
        ]),
        ("Admin console > Users > Password reset not working", [
            "Which user, and was the password reset by an admin or through self-service recovery?",
            "What happens when the user signs in with the new password?",
            "Is the password managed by an identity provider or password sync?",
        ]),
        ("Admin console > Users > Deleted user needs restoring", [
            "Which user, and on what date was the account deleted?",
            "Has a new user, group or alias been created with the same address since?",
            "Which data is needed back (Gmail, Drive, Calendar, other)?",
        ]),
        ("Admin console > Users > Bulk user upload fails", [
            "How many rows does the CSV file have, and what does the upload error report say?",
            "Attach the header line and one failing row of the CSV, with personal data removed.",
        ]),
        ("Admin console > Organisational units > Settings not applied to an organisational unit", [
            "Which setting, and which parent and child organisational units?",
            "Is the setting overridden in the child unit, or by a configuration group?",
            "When was it changed? (Some changes take up to 24 hours.)",
        ]),
        ("Admin console > Admin roles > Admin privileges not taking effect", [
            "Which admin role and privileges, and which admin was assigned the role?",
            "Is the role assigned for the whole organisation or for particular organisational units?",
            "What does the admin see when opening the page that needs the privilege?",
        ]),
        ("Admin console > Reports > Audit log or report data missing", [
            "Which report or audit log, and for which dates?",
            "What did you expect to see, and what is shown instead?",
            "Are you looking at data older than the report's retention period?",
        ]),
        ("Admin console > Sign-in > Super administrator cannot sign in", [
            "Which super administrator account, and how many super administrators does the domain have?",
            "What happens at sign-in (wrong password, 2-Step Verification, recovery)?",
            "Are the recovery phone and email for the account still reachable?",
        ]),

        // Domains and DNS
        ("Domains and DNS > Verification > Domain verification failing", [
            "Which domain, and which verification method (TXT record, CNAME, HTML file or meta tag)?",
            "What exact TXT or CNAME value did you publish, and at which DNS host?",
            "When was the record added? (DNS changes can take up to 72 hours.)",
        ]),
        ("Domains and DNS > MX records > Mail not delivered after an MX change", [
            "What are the domain's current MX records (host names and priorities)?",
            "When were the MX records changed, and from which mail provider?",
            "Does the Gmail setup page in the Admin console show the MX records as verified?",
        ]),
        ("Domains and DNS > Secondary domains > Cannot add or remove a domain", [
            "Which domain, and is it a secondary domain or a domain alias?",
            "What error appears, word for word?",
            "For a removal: do any users, groups or aliases still use the domain?",
        ]),
        ("Domains and DNS > Primary domain > Change of primary domain", [
            "What are the current and the new primary domain?",
            "Is the new domain already added and verified as a secondary domain?",
            "Are there third-party SSO, Marketplace apps or Cloud projects tied to the current primary domain?",
        ]),
        ("Domains and DNS > Domain registration > Domain expired or renewal failed", [
            "Which domain, and was it bought through Google or through another registrar?",
            "When did it expire, or when did renewal fail?",
            "What does the domain's registrar show as its status?",
        ]),
        ("Domains and DNS > Custom URLs > Custom service address not working", [
            "Which service (Gmail, Drive, Calendar, Sites) and which custom address (for example mail.example.com)?",
            "What CNAME record did you publish for it, and at which DNS host?",
            "What happens when users open the address?",
        ]),

        // Security
        ("Security > 2-Step Verification > Users locked out after 2SV enforcement", [
            "How many users are locked out, and in which organisational units?",
            "When was 2-Step Verification enforced, and with what new-user enrolment period?",
            "Have backup codes been generated for the affected users?",
        ]),
        ("Security > Account compromise > Suspicious sign-in or hijacked account", [
            "Which account, and what did you notice (alert, unexpected emails, new forwarding or filters)?",
            "When was the first suspicious activity (date, time and time zone)?",
            "What has been done so far (password reset, sign-in cookies reset, account suspended)?",
        ]),
        ("Security > Alert center > Alert not understood or false positive", [
            "Which alert (type and alert ID) and when was it raised?",
            "Why do you think it is a false positive, or what is unclear about it?",
        ]),
        ("Security > Context-Aware Access > Users blocked unexpectedly", [
            "Which users and which apps are blocked?",
            "Which access levels are assigned to those apps, and what are their conditions?",
            "What device, network and location were the users on when blocked?",
        ]),
        ("Security > Data protection > DLP rule not triggering", [
            "Which DLP rule (name and conditions) and which app (Drive, Gmail, Chat)?",
            "Give an example file or message that should have triggered it.",
            "What does the rules audit log show for that example?",
        ]),
        ("Security > API controls > Third-party app blocked by OAuth access settings", [
            "Which app (name and OAuth client ID), and which users are affected?",
            "What error appears (for example \"Access blocked: admin_policy_enforced\")?",
            "Is the app marked trusted, limited or blocked under Security > API controls?",
        ]),
        ("Security > Password policy > Password rules not enforced", [
            "Which password settings (strength, length, expiry) and for which organisational unit?",
            "Was \"Enforce password policy at next sign-in\" turned on?",
            "Which users can still use passwords that break the policy?",
        ]),

        // SSO and SAML
        ("SSO and SAML > Third-party identity provider > SSO sign-in fails with a SAML error", [
            "Which identity provider (Okta, Microsoft Entra ID, AD FS or another)?",
            "What error does Google show after the redirect, word for word?",
            "Which users or organisational units use the SSO profile, and when did it last work?",
            "Did the identity provider's signing certificate change or expire recently?",
        ]),
        ("SSO and SAML > Certificates > IdP signing certificate expiring or replaced", [
            "Which SSO profile, and when does the current certificate expire?",
            "Was the new certificate uploaded to the SSO profile in the Admin console?",
            "Do users see an error since the change? Paste it.",
        ]),
        ("SSO and SAML > SAML apps > Custom SAML app sign-in fails", [
            "Which app, and what are its ACS URL and entity ID?",
            "What does the app or Google show when the user signs in?",
            "Is the app turned on for the user's organisational unit or group?",
        ]),
        ("SSO and SAML > Network masks > SSO not applied on some networks", [
            "Which networks or IP ranges should, or should not, use SSO?",
            "What network masks are set in the SSO profile?",
            "Which users and locations are affected?",
        ]),

        // Directory sync
        ("Directory sync > Google Cloud Directory Sync > GCDS sync fails or deletes users", [
            "Which GCDS version, and which LDAP server (Active Directory, OpenLDAP or another)?",
            "Paste the sync log lines around the error.",
            "Did the simulation show deletions before the sync ran?",
        ]),
        ("Directory sync > Microsoft Entra ID > User provisioning errors", [
            "Which users fail to provision, and what does the Entra ID provisioning log say?",
            "Which attribute mappings are used for the primary email address?",
            "Was the provisioning set up with the Google Cloud or the Google Workspace gallery app?",
        ]),
        ("Directory sync > Password sync > Password Sync not updating passwords", [
            "Which Password Sync version, and on how many domain controllers is it installed?",
            "What does the Password Sync log show when a password is changed?",
            "Which users keep their old Google password?",
        ]),

        // Billing and licences
        ("Billing and licences > Invoices > Charge not understood", [
            "Which invoice number and billing period?",
            "Which line or amount is unexpected, and what did you expect to be charged?",
            "Were plans or numbers of licences changed during that period?",
        ]),
        ("Billing and licences > Licences > Cannot assign a licence", [
            "Which user and which edition?",
            "What error appears (for example \"not enough licences\")?",
            "How many licences are purchased and how many are assigned?",
        ]),
        ("Billing and licences > Subscriptions > Upgrade or downgrade of edition fails", [
            "From which edition to which, and for how many users?",
            "Is the subscription on a Flexible Plan or an Annual/Fixed-Term Plan, and when does it renew?",
            "What error appears, word for word?",
        ]),
        ("Billing and licences > Subscriptions > Transfer of a customer between resellers", [
            "Which customer domain, and from which reseller to which?",
            "Has the customer generated a transfer token, and when does it expire?",
            "What error does the reseller console show?",
        ]),
        ("Billing and licences > Subscriptions > Subscription suspended", [
            "Which subscription, and on what date was it suspended?",
            "What suspension reason does the reseller console show (payment, terms of service, reseller initiated)?",
            "Are users already unable to sign in or receive mail?",
        ]),
        ("Billing and licences > Licences > Automatic licensing assigned unexpected licences", [
            "Which organisational units have automatic licensing on, and for which product?",
            "Which users received a licence they should not have, and when?",
            "How many extra licences were assigned or purchased as a result?",
        ]),

        // Vault
        ("Vault > Retention > Retention rule deleted or kept the wrong data", [
            "Which retention rule (default or custom), for which service and which period?",
            "Which data was deleted or kept, and from which dates?",
            "Are any of the affected accounts under a hold?",
        ]),
        ("Vault > Holds > Hold not preserving data", [
            "Which matter and hold, and which accounts or organisational units does it cover?",
            "Which data was lost although it was on hold, and when was it deleted?",
            "When was the hold created compared with when the data was deleted?",
        ]),
        ("Vault > Search and export > Export fails or is incomplete", [
            "Which matter and export name, and which service (Gmail, Drive, Chat, Meet)?",
            "How large is the export, and what status does it show?",
            "What error appears when downloading the export files?",
        ]),

        // Devices
        ("Devices > Mobile management > Mobile device not syncing or blocked", [
            "Which device (model and OS version) and which user?",
            "Is it under basic or advanced management, and what status does the Admin console show (approved, pending, blocked)?",
            "What does the user see on the device?",
        ]),
        ("Devices > Mobile management > Remote wipe not completing", [
            "Which device, and was it an account wipe or a full device wipe?",
            "When was the wipe requested, and what status does the Admin console show now?",
            "Has the device been online since the wipe was requested?",
        ]),
        ("Devices > ChromeOS > Chromebook enrolment fails", [
            "Which device model and ChromeOS version?",
            "What error appears during enrolment, word for word?",
            "Does the domain have ChromeOS device upgrade licences available, and into which organisational unit are devices enrolled?",
        ]),
        ("Devices > Windows > Windows sign-in with GCPW fails", [
            "Which Windows version and Google Credential Provider for Windows version?",
            "What error appears on the Windows sign-in screen?",
            "Is Windows device management on, and is the user's domain in the allowed domains setting?",
        ]),
        ("Devices > Endpoint verification > Devices not reported", [
            "Which operating system and browser, and is the Endpoint Verification extension installed?",
            "When did the device last sync, according to the extension?",
            "Which users are affected?",
        ]),

        // Data migration
        ("Data migration > Data migration service > Migration from Microsoft 365 or Exchange fails", [
            "Which source (Microsoft 365, Exchange on-premises) and which data (mail, calendar, contacts)?",
            "How many users are in the migration, and how many failed?",
            "What error does the migration report show for one failed user?",
        ]),
        ("Data migration > Data migration service > Mail from an IMAP server not migrated", [
            "What is the IMAP server (host, port, provider)?",
            "Which folders or date range are missing?",
            "What does the migration report say for the affected users?",
        ]),
        ("Data migration > Google Workspace Migrate > Migrate server or node errors", [
            "Which Google Workspace Migrate version, and how many nodes?",
            "Which source (SharePoint, file shares, Exchange, Box)?",
            "Paste the error from the migration report or the node logs.",
        ]),

        // Groups
        ("Groups > Email delivery > Members not receiving group email", [
            "Which group address, and which members do not receive mail?",
            "What delivery setting do those members have (each email, digest, no email)?",
            "Who can post to the group, and are messages held for moderation?",
        ]),
        ("Groups > Settings > Cannot create or manage a group", [
            "Which group, and who is trying to create or manage it (admin, owner, user)?",
            "What error appears?",
            "Can users create groups in your Groups for Business settings?",
        ]),
        ("Groups > Dynamic groups > Membership query not matching users", [
            "What is the dynamic group's membership query?",
            "Which users should match but do not, or match but should not?",
            "When were those users' attributes last changed?",
        ]),

        // Sites
        ("Sites > Publishing > Site not published or not visible", [
            "Which site (link), and who should see it (the organisation, or the public)?",
            "What do visitors see when they open it?",
            "Can the owner's organisational unit publish sites, and publish them outside the organisation?",
        ]),
        ("Sites > Custom domains > Custom web address for a site not working", [
            "Which site and which web address?",
            "What CNAME record points the address to ghs.googlehosted.com, and when was it added?",
            "What error does the browser show?",
        ]),

        // Classroom
        ("Classroom > Classes > Students cannot join a class", [
            "What is the class code or invitation, and which student accounts fail?",
            "What message do the students see?",
            "Who can join classes in your domain (Apps > Google Workspace > Classroom > Class settings)?",
        ]),
        ("Classroom > Roster sync > SIS roster sync fails", [
            "Which student information system (for example Clever or OneRoster) and which classes?",
            "What does the sync status or error message say?",
            "When did the last successful sync run?",
        ]),
        ("Classroom > Teachers > Teacher cannot create classes", [
            "Which teacher account?",
            "Is the teacher in the verified teachers group, or still pending approval?",
            "What happens when they try to create a class?",
        ]),

        // Cloud Identity
        ("Cloud Identity > Licences > Cloud Identity Free licence limit reached", [
            "How many Cloud Identity Free licences does the domain hold, and how many are assigned?",
            "Which user could not be created or licensed?",
            "Is automatic licensing on for any organisational unit?",
        ]),
        ("Cloud Identity > Sign-in > Users cannot sign in to the Google Cloud console", [
            "Which users, and what error do they see at sign-in?",
            "Which licence do they have (Cloud Identity Free, Premium or Google Workspace)?",
            "Is Google Cloud turned on for their organisational unit under Additional Google services?",
        ]),

        // Marketplace apps
        ("Marketplace apps > Installation > Admin cannot install a Marketplace app", [
            "Which app (name and Marketplace listing link)?",
            "What error appears when installing, word for word?",
            "Is the app allowlisted under Apps > Google Workspace Marketplace apps?",
        ]),
        ("Marketplace apps > Access > Users cannot open an installed app", [
            "Which app, and for which users or organisational units was it installed?",
            "What do users see when they open it?",
            "Did the app ask for new permissions (scopes) that an admin has not yet granted?",
        ]),

        // APIs and quotas
        ("APIs and quotas > Admin SDK > Directory API requests failing", [
            "Which API method, and what HTTP status and error body do you get?",
            "Is the call made by a service account with domain-wide delegation? Which scopes are authorised?",
            "When did the calls start failing, and did anything change then?",
        ]),
        ("APIs and quotas > Quotas > Rate limit or quota exceeded errors", [
            "Which API and which Cloud project number?",
            "What exact error do you get (for example 429 rateLimitExceeded or 403 userRateLimitExceeded)?",
            "How many requests per minute does your application send at peak?",
        ]),
        ("APIs and quotas > Domain-wide delegation > Service account not authorised", [
            "What is the service account's client ID, and which scopes are authorised for it?",
            "What error does the token request return (for example unauthorized_client)?",
            "Which user does the service account impersonate?",
        ]),
        ("APIs and quotas > Apps Script > Script failing or hitting limits", [
            "Which script (project link) and which trigger or function fails?",
            "What does the execution log say, word for word?",
            "Which service limit do you think it reaches (for example email recipients per day)?",
        ]),
        ("APIs and quotas > Reseller API > Reseller API calls failing", [
            "Which method (for example subscriptions.insert or customers.get) and which customer ID?",
            "What HTTP status and error message are returned?",
            "Is the reseller admin account used by the API authorised for the Reseller API scope?",
        ]),

        // Gemini
        ("Gemini > Gemini in Workspace apps > Gemini features not available", [
            "Which users, and in which apps (Gmail, Docs, Meet, the Gemini app) are the features missing?",
            "Which Gemini add-on or edition is assigned to those users?",
            "Is Gemini turned on for their organisational unit, and how long ago was it changed?",
        ]),

        // Customer Care Portal
        ("Customer Care Portal > Customer access > Customer has not granted access", [
            "Which customer (name and primary domain)?",
            "Has the customer's super administrator approved the access request, and when?",
            "What does the portal show next to the customer?",
        ]),
        ("Customer Care Portal > Portal sign-in > Reseller user cannot use the portal", [
            "Which user, and what message do they see when opening the portal?",
            "Which admin role and licence does the user have?",
            "Does the role include the Support and Access Customers Support Cases privileges?",
        ]),
    ]
}
