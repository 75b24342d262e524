import Domain
import Foundation

extension AppState {
    /// The top of the update: routes each action to the part of the state it concerns.
    mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key)
        case .resized(let newSize):
            size = newSize
            return loadMoreIfNeeded()  // a taller screen may show past what is loaded
        case .tick(let date):
            now = date
            return debounceFilter() + saveDrafts() + saveNewCaseDrafts()
        case .customersLoaded(let request, let rows) where newCaseCustomersLoaded(request, rows: rows) || adminCustomersLoaded(request, rows: rows):
            return []
        case .loadFailed(let request, let message) where adminLoadFailed(request, message: message) || newCaseLoadFailed(request, message: message):
            return []
        case .adminLoaded(let request, let overview):
            adminLoaded(request, overview: overview)
            return []
        case .casesLoaded, .casesCounted, .customersLoaded, .caseLoaded, .loadFailed:
            return deliver(action)
        case .signedIn(let session):
            return signedIn(session)
        case .signInFailed(let message):
            signInFailed(message)
            return []
        case .dataChanged:
            return dataChanged()
        case .feedbackSent:
            status = .success("Thank you: your feedback was saved.")
            return []
        case .feedbackFailed(let message):
            status = .error("Your feedback wasn't sent: \(message)")
            return []
        case .commandSucceeded(let request):
            return commandSucceeded(request)
        case .commandFailed(let request, let message):
            commandFailed(request, message: message)
            return []
        case .draftLoaded(let request, let content):
            if !newCaseDraftLoaded(request, content: content) { draftLoaded(request, content: content) }
            return []
        case .caseFiled(let request, let number):
            return caseFiled(request, number: number)
        case .pathCompleted, .fileInspected:
            _ = newCasePickerAnswer(action) || attachPickerAnswer(action)
            return []
        case .draftsLoaded(let request, let drafts):
            draftsLoaded(request, drafts: drafts)
            return []
        case .externallyEdited(let request, let result):
            _ = newCaseEdited(request, result: result) || messageEdited(request, result: result)
            return []
        }
    }

    /// Hands a load result to the screen waiting for its request id; nobody waiting means stale.
    private mutating func deliver(_ action: Action) -> [Effect] {
        let size = self.size
        for t in tabs.indices {
            var receipt = Receipt.notMine
            let taken = tabs[t].updateScreens { screen in
                let viewport = Layout(size: size, filterBar: screen.showsFilterBar).viewport(for: screen.context)
                receipt = screen.receive(action, viewport: viewport)
                return receipt != .notMine
            }
            guard taken else { continue }
            guard t == active else { return [] }
            if case .failed(let what, let message) = receipt {
                status = .error("Couldn't load \(what): \(message)  (r retries)")
            }
            return loadMoreIfNeeded()
        }
        return []
    }

    /// Another process wrote: every screen is out of date; the visible one reloads now, the others when shown.
    mutating func dataChanged() -> [Effect] {
        for t in tabs.indices {
            tabs[t].forEachScreen { $0.freshness = .stale }
        }
        return showCurrent()
    }
}
