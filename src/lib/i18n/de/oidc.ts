// German texts of single sign-on (OpenID Connect): the login page's button and why a sign-in was refused; en/oidc.ts must have every key.

export const oidc = {
	'oidc.button': 'Mit Single Sign-on anmelden',
	'oidc.or': 'oder mit Benutzername und Passwort:',
	'oidc.failedTitle': 'Anmeldung mit Single Sign-on fehlgeschlagen.',
	'oidc.notSignedIn': 'Sie sind nicht angemeldet.',
	'oidc.error.unconfigured':
		'Single Sign-on ist nicht oder nicht vollständig eingerichtet (Umgebungsvariablen KONTORATLAS_OIDC_*; Einzelheiten im Protokoll des Servers).',
	'oidc.error.unreachable':
		'Der Anmeldedienst ist nicht erreichbar oder antwortet nicht wie erwartet. Bitte später noch einmal versuchen oder mit Benutzername und Passwort anmelden.',
	'oidc.error.state':
		'Die Antwort des Anmeldedienstes gehört zu keiner Anmeldung, die in diesem Browser begonnen wurde (abgelaufen, schon verwendet oder fremd). Bitte die Anmeldung neu beginnen.',
	'oidc.error.nonce':
		'Das Anmeldezeichen (ID-Token) des Anmeldedienstes gehört zu einer anderen Anmeldung als der, die dieser Browser begonnen hat. Bitte die Anmeldung neu beginnen.',
	'oidc.error.issuer': 'Die Antwort kommt von einem anderen Anmeldedienst als dem eingerichteten und wird nicht angenommen.',
	'oidc.error.denied': 'Die Anmeldung wurde beim Anmeldedienst abgebrochen oder die Zustimmung verweigert.',
	'oidc.error.failed':
		'Der Anmeldedienst hat die Anmeldung nicht bestätigt (der Code war ungültig, abgelaufen oder schon eingelöst). Bitte die Anmeldung neu beginnen.',
	'oidc.error.norole':
		'Ihr Konto beim Anmeldedienst hat keine Rolle in Kontoratlas: keine seiner Gruppen ist einer Rolle zugeordnet. Die Administration kann Ihnen eine Rolle geben (Gruppe beim Anmeldedienst).',
	'oidc.error.nokontor': 'Ihr Konto hat die Rolle „Kontor“, aber der Anmeldedienst nennt dafür kein bekanntes {office}. Bitte an die Administration wenden.',
	'oidc.error.disabled': 'Ihr Konto in Kontoratlas ist gesperrt. Bitte an die Administration wenden.'
};
