"""What keeps a local web app safe from the pages a user visits in the same browser.

- Every response carries a strict Content-Security-Policy: scripts and styles only from this
  server's own files, no inline script, no framing, no plug-ins.
- Requests must name this machine in their Host header, so a DNS-rebinding page cannot
  talk to the app under its own domain.
- A state-changing request must carry the page's random token in a custom header (a
  cross-site form cannot set headers, and a cross-site script needs a CORS grant we never
  give), and must not come from another origin by `Origin` or `Sec-Fetch-Site`.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_HEADER = "x-dateline-token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def host_name(host_header: str) -> str:
    """The host of a Host header without its port ('[::1]:8000' -> '::1')."""
    return urlsplit("//" + host_header).hostname or ""


class SecurityHeaders:
    """ASGI middleware: refuses foreign Host headers and adds the security headers."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = host_name(headers.get(b"host", b"").decode("latin-1")).lower()
        if "*" not in self.allowed and host not in self.allowed:
            await _refuse(send, 400, f"unknown host {host!r}: open the app at 127.0.0.1")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + list(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(send: Send, status: int, message: str) -> None:
    body = ('{"error": "' + message.replace('"', "'") + '"}').encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def cross_site_reason(request: Request, token: str) -> str | None:
    """Why a state-changing request must be refused, or None when it is our own page's."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site not in (None, "same-origin", "none"):
        return f"cross-site request refused (Sec-Fetch-Site: {fetch_site})"
    origin = request.headers.get("origin")
    if origin is not None:
        own = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin != own:
            return f"cross-site request refused (Origin {origin} is not {own})"
    sent = request.headers.get(TOKEN_HEADER, "")
    if not sent:
        return f"missing {TOKEN_HEADER} header: requests must come from the dateline page"
    if not hmac.compare_digest(sent.encode(), token.encode()):
        return f"wrong {TOKEN_HEADER} header: reload the page"
    return None
