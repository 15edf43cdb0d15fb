"""The desk's defences as a server: a Content-Security-Policy with no inline script, the usual
hardening headers, and a double-submit CSRF token that every POST must carry."""

from __future__ import annotations

import hmac
import secrets

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

COOKIE = "md_csrf"
# Scripts only from this origin (htmx in /static), no inline script or handler, no eval;
# styles only from /static too, so an article can bring no CSS either.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        token = request.cookies.get(COOKIE, "")
        fresh = len(token) < 32
        request.state.csrf = secrets.token_urlsafe(32) if fresh else token
        response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        if fresh:
            # SameSite=Strict: another site's form never carries it; HttpOnly: no script reads it
            response.set_cookie(COOKIE, request.state.csrf, httponly=True, samesite="strict",
                                path="/")
        return response


async def require_csrf(request: Request) -> FormData:
    """The POST's form, once its token matches the cookie's; 403 otherwise."""
    form = await request.form()
    sent = str(form.get("csrf", ""))
    cookie = request.cookies.get(COOKIE, "")
    if not cookie or not sent or not hmac.compare_digest(sent, cookie):
        raise HTTPException(403, "请求缺少有效的 CSRF 令牌，已拒绝。请从页面上的按钮重新提交。")
    return form
