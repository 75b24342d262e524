/// Word material for realistic demo cases. Kept apart from the generator so the generator reads as a plan.
enum DemoText {
    static let customers: [(name: String, domain: String)] = [
        ("Acme Logistics", "acme-logistics.example"), ("Brightwater Dental", "brightwater-dental.example"),
        ("Cedar & Pine Architects", "cedarpine.example"), ("Delta Freight Lines", "deltafreight.example"),
        ("Evergreen Schools Trust", "evergreen-schools.example"), ("Fjord Analytics", "fjord-analytics.example"),
        ("Granite Legal LLP", "granitelegal.example"), ("Harbor Health Clinics", "harborhealth.example"),
        ("Ironclad Security", "ironclad-sec.example"), ("Juniper Foods", "juniperfoods.example"),
        ("Kestrel Aviation", "kestrel-aviation.example"), ("Lumen Media Group", "lumenmedia.example"),
        ("Maple Street Bakery", "maplestreet.example"), ("Northwind Traders", "northwind.example"),
        ("Orchid Hotels", "orchidhotels.example"), ("Pioneer Robotics", "pioneer-robotics.example"),
        ("Quarry Stone Supply", "quarrystone.example"), ("Riverbend Credit Union", "riverbend-cu.example"),
        ("Summit Outdoor Gear", "summitgear.example"), ("Tidewater Marine", "tidewater-marine.example"),
        ("株式会社さくら商事", "sakura-shoji.example"), ("Bloom 🌸 Florists", "bloom-florists.example"),
        ("Umbra Studios", "umbrastudios.example"), ("Vantage Consulting", "vantage-consulting.example"),
        ("Willow Creek Vets", "willowcreekvets.example"), ("Xenon Energy", "xenon-energy.example"),
        ("Yellowstone Tours", "yellowstone-tours.example"), ("Zephyr Wind Farms", "zephyrwind.example"),
        ("Atlas Engineering", "atlas-eng.example"), ("Beacon Insurance", "beacon-insure.example"),
        ("Copperleaf Publishing", "copperleaf.example"), ("Driftwood Cafés", "driftwood-cafes.example"),
        ("Élan Cosmetics", "elan-cosmetics.example"), ("Foxglove Pharmacy", "foxglove-rx.example"),
        ("Glacier Water Co.", "glacierwater.example"), ("Hollow Oak Winery", "hollowoak.example"),
        ("Indigo Textiles", "indigotextiles.example"), ("Jade Garden Restaurants", "jadegarden.example"),
        ("Keystone Property", "keystone-property.example"), ("Lighthouse Charities", "lighthouse-charity.example"),
    ]

    static let problems: [(title: String, category: String)] = [
        ("Users not receiving external email since MX change", "Domains and DNS > MX records > Mail not delivered after an MX change"),
        ("Outbound mail bouncing with 550 5.7.26 unauthenticated", "Gmail > Delivery > Outgoing messages bounced"),
        ("Legitimate invoices going to spam", "Gmail > Spam and phishing > Legitimate mail marked as spam"),
        ("Shared drive files missing after reorganisation", "Drive and Docs > Files > Files missing or deleted"),
        ("Cannot transfer ownership of Drive files from departed user", "Drive and Docs > Files > Ownership transfer failed"),
        ("Docs editor very slow with large spreadsheets", "Drive and Docs > Docs editors > Document will not open or load"),
        ("Calendar invites from external partners not showing", "Calendar > Events > Invitations not received"),
        ("Room resources double-booked", "Calendar > Resources > Room or resource booking fails"),
        ("Meet calls drop after 10 minutes", "Meet > Quality > Poor audio or video quality"),
        ("Recording not saved to Drive after meeting", "Meet > Recording > Recordings missing or not saved"),
        ("Chat messages delayed for whole organisation", "Chat > Messages > Messages not delivered"),
        ("New users cannot sign in: 'account disabled'", "Admin console > Users > User suspended or locked out"),
        ("Bulk user upload CSV rejected", "Admin console > Users > Bulk user upload fails"),
        ("Secondary domain verification stuck", "Domains and DNS > Verification > Domain verification failing"),
        ("SAML SSO loop with third-party identity provider", "SSO and SAML > Third-party identity provider > SSO sign-in fails with a SAML error"),
        ("2-Step Verification enforcement locking out executives", "Security > 2-Step Verification > Users locked out after 2SV enforcement"),
        ("Licences not released after user deletion", "Billing and licences > Licences > Cannot assign a licence"),
        ("Invoice shows wrong number of seats", "Billing and licences > Invoices > Charge not understood"),
        ("Vault export fails for large mailbox", "Vault > Search and export > Export fails or is incomplete"),
        ("Retention rule deleting mail too early", "Vault > Retention > Retention rule deleted or kept the wrong data"),
        ("Android devices not syncing work profile", "Devices > Mobile management > Mobile device not syncing or blocked"),
        ("Chromebooks stuck on enrollment screen", "Devices > ChromeOS > Chromebook enrolment fails"),
        ("Mailbox migration from Exchange stalled at 40%", "Data migration > Data migration service > Migration from Microsoft 365 or Exchange fails"),
        ("Calendar data missing after migration", "Calendar > Events > Events missing or duplicated"),
        ("Group emails not delivered to members", "Groups > Email delivery > Members not receiving group email"),
        ("DKIM key generation fails", "Gmail > Authentication > SPF, DKIM or DMARC failing"),
        ("Third-party app blocked by API controls", "Security > API controls > Third-party app blocked by OAuth access settings"),
        ("Password reset emails never arrive", "Admin console > Users > Password reset not working"),
    ]

    static let openers = [
        "Since yesterday morning", "After last week's change", "Starting around 09:00 local time",
        "Intermittently over the past three days", "Right after the renewal", "Following the domain move",
    ]
    static let impacts = [
        "about 40 users are affected", "the whole finance team is blocked", "two executives cannot work",
        "every user in the Paris office sees it", "roughly a third of the organisation reports it",
        "only users in the Sales OU are affected",
    ]
    static let tried = [
        "We cleared caches and tried another browser.", "We checked the DNS records and they look correct.",
        "Signing out and back in did not help.", "We reverted the last settings change without effect.",
        "The audit log shows no related admin changes.", "It reproduces in an incognito window.",
    ]
    // None of them says a file was attached: a demo case gets its attachments (and their history events) elsewhere.
    static let resellerMessages = [
        "The customer confirms the problem is still happening this morning.",
        "A HAR capture shows the error on the first request after sign-in.",
        "Any update? The customer is asking for an ETA.",
        "We applied the suggested change; the customer will monitor today.",
        "The issue seems to affect more users now, about twice as many.",
        "Customer is available for a call between 14:00 and 16:00 their time.",
        "The message headers of an affected email show the delay at the first hop.",
        "Thanks, that workaround helped for now.",
    ]
    static let supportReplies = [
        "Thanks for the details. I am reviewing the logs for the affected users.",
        "Could you send the full error text and the time it happened, with time zone?",
        "We identified a configuration issue and have applied a fix on our side.",
        "Please ask the customer to try again and let us know the result.",
        "This is a known issue; engineering is working on it. I will update you within 24 hours.",
        "I have escalated this internally to the product team.",
        "The DNS records are not yet propagated. Please wait 48 hours and retest.",
        "Can you confirm whether this also happens for users in other organisational units?",
    ]

    /// A generated customer for the benchmark's larger organisations: two words and the index. No generated name
    /// contains "acme", so `customer:acme` still finds only Acme Logistics.
    static func generatedCustomer(_ i: Int) -> (name: String, domain: String) {
        let first = generatedFirst[i % generatedFirst.count]
        let second = generatedSecond[(i / generatedFirst.count) % generatedSecond.count]
        return ("\(first) \(second) \(i)", "\(first.lowercased())-\(second.lowercased())-\(i).example")
    }
    static let generatedFirst = ["Alder", "Birch", "Cobalt", "Dune", "Ember", "Falcon", "Garnet", "Heron", "Islay", "Jasper",
                                 "Kite", "Linden", "Moss", "Nova", "Onyx", "Pebble", "Quill", "Raven", "Sable", "Thistle",
                                 "Upland", "Vale", "Wren", "Yarrow", "Zinnia", "Basalt", "Coral", "Fern", "Hazel", "Marble"]
    static let generatedSecond = ["Logistics", "Dental", "Architects", "Freight", "Schools", "Analytics", "Legal", "Clinics",
                                  "Security", "Foods", "Aviation", "Media", "Bakery", "Traders", "Hotels", "Robotics",
                                  "Supply", "Credit", "Outfitters", "Marine", "Studios", "Consulting", "Vets", "Energy",
                                  "Tours", "Farms", "Engineering", "Insurance", "Publishing", "Pharmacy"]
}
