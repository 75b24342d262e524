import Domain

/// Serving the form on top (and forms parked with Esc): their keys and answers, with an environment,
/// then what they asked of the app.
extension AppState {
    /// Opens `form` over the screen, replacing whatever form was there.
    mutating func open(_ form: any OverlayForm) {
        overlay = Overlay(id: requests.serial(), form: form)
    }

    func makeEnv(form id: FormID, actingDomain: Int64?) -> Env {
        Env(now: now, size: size, form: id, sessions: sessions, active: active,
            session: actingDomain.flatMap(sessionIndex) ?? activeSession, keys: keys, status: nil, requests: requests)
    }

    func hasForm(_ id: FormID) -> Bool {
        overlay?.id == id || parked.values.contains { $0.id == id }
    }

    /// Runs `body` on the form with this id (open or parked) and carries out what it asked.
    mutating func serveForm(_ id: FormID, _ body: (inout any OverlayForm, inout Env) -> [Effect]) -> [Effect] {
        if var top = overlay, top.id == id {
            var env = makeEnv(form: id, actingDomain: top.form.actingDomain)
            let effects = body(&top.form, &env)
            overlay = top
            return effects + apply(env)
        }
        guard let key = parked.first(where: { $0.value.id == id })?.key, let kept = parked[key] else { return [] }
        var form: any OverlayForm = kept.form
        var env = makeEnv(form: id, actingDomain: kept.form.draftDomain)
        let effects = body(&form, &env)
        requests = env.requests
        if let message = env.status { status = message }
        // A parked form only closes (its work is done); it doesn't open anything over the screen.
        parked[key] = env.then.contains { if case .close = $0 { true } else { false } } ? nil
            : (form as? any DraftedForm).map { Parked(id: id, form: $0) }
        return effects
    }

    /// Takes what a form asked of the app: its status line, its requests, then each request in order.
    mutating func apply(_ env: Env) -> [Effect] {
        requests = env.requests
        if let message = env.status { status = message }
        var effects: [Effect] = []
        for request in env.then {
            switch request {
            case .close: overlay = nil
            case .park: park()
            case .open(let form): open(form)
            case .signedIn(let session): effects += signedIn(session)
            case .switchTo(let index):
                overlay = nil
                active = index
                effects += showCurrent()
            case .signOut(let index): effects += signOut(index)
            case .caseFiled(let number, let domainID, let drafts): effects += caseFiled(number, domainID: domainID, drafts: drafts)
            case .followUp(let target): effects += fileFollowUp(of: target)
            case .resume(let draft): effects += resume(draft)
            case .newCase(let customer): effects += openNewCase(.newCase(customerID: customer.id), customer: customer)
            case .openDrafts: effects += openDrafts()
            case .forgetParked(let draft):
                if let domainID = session?.user.domainID { parked[ParkKey(domainID: domainID, draft: draft)] = nil }
            case .openCase(let index, let detail): effects += openFound(detail, session: index)
            case .searchCase(let text): searchCase(text)
            case .runBulk(let command, let action): effects += runBulk(command, action)
            case .markMarked(let read): effects += markMarked(read: read)
            case .refresh: effects += dataChanged()
            case .viewSaved(let view): effects += viewSaved(view)
            case .quit: effects += quit()
            }
        }
        return effects
    }

    /// The form on top leaves the screen and is kept with what was typed, until its key opens it again.
    private mutating func park() {
        guard let top = overlay else { return }
        overlay = nil
        guard let form = top.form as? any DraftedForm else { return }
        parked[ParkKey(domainID: form.draftDomain, draft: form.draft)] = Parked(id: top.id, form: form)
    }

    /// A parked form of this kind, taken out of the parking (to be opened again).
    mutating func unpark<F: DraftedForm>(_ type: F.Type, domainID: Int64, draft: DraftForm) -> (id: FormID, form: F)? {
        guard let kept = parked.removeValue(forKey: ParkKey(domainID: domainID, draft: draft)), let form = kept.form as? F else { return nil }
        return (kept.id, form)
    }
}
