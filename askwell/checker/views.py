"""The spasm checker's pages: a start page (disclaimer, free text), the guided steps, the result.

Nothing is stored: answers travel in a signed hidden field (state.py) and the result is
computed on each request. The description is never logged. Pages carrying health details
are marked no-store so that a shared computer's browser cache does not keep them.

Post/redirect/get: a finished check is handed to the result page in a short-lived signed
cookie (in the browser only, gone when it closes, valid for an hour), so reloading the
result shows it again instead of asking to resubmit the form.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from askwell.checker.engine import CheckerInputError, run_check
from askwell.checker.forms import STEP_NAMES, STEPS, FreeTextForm, StepForm, step_form
from askwell.checker.presentation import build_result
from askwell.checker.state import (
    TEXT,
    State,
    StateError,
    load_state,
    sign_state,
    state_from_facts,
    structured_from_state,
)
from askwell.medical.check import CheckResult
from askwell.medical.facts import FactsError
from askwell.medical.structured import facts_from_structured
from askwell.medical.vocabulary import TriageLevel

RESULT_COOKIE = "askwell_check"
RESULT_COOKIE_SALT = "askwell.checker.result"
RESULT_MAX_AGE_SECONDS = 60 * 60
# Browsers keep cookies up to about 4 KB; a longer check (a very long description) is shown
# straight away instead, as before.
RESULT_COOKIE_MAX_CHARS = 3800

NOTHING_GIVEN = "You have not told us anything yet: choose where you feel it, or describe it in your own words."


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    response = render(request, "checker/start.html", {"form": FreeTextForm(), "steps": STEPS})
    # A new check forgets the last one (on a shared computer, the next person cannot reopen it).
    if RESULT_COOKIE in request.COOKIES:
        response.delete_cookie(RESULT_COOKIE, path="/check/", samesite="Lax")
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def result(request: HttpRequest) -> HttpResponse:
    """The result: the free-text form posts here; every finished check is shown here by GET."""
    if request.method == "GET":
        return _show_handed_over_result(request)
    form = FreeTextForm(request.POST)
    if form.is_valid():
        text = form.cleaned_data["text"]
        try:
            checked = run_check(text=text)
        except CheckerInputError as error:
            form.add_error("text", error.message)
        else:
            return _hand_over_result(request, {"text": text}, checked, state_from_facts(checked.facts))
    return render(request, "checker/start.html", {"form": form, "steps": STEPS}, status=422)


def _hand_over_result(
    request: HttpRequest, check: Mapping[str, object], checked: CheckResult, state: State, stopped_early: bool = False
) -> HttpResponse:
    """Redirect to the result page with the check in a signed cookie (or show it now if too long)."""
    token = signing.dumps({**check, "early": stopped_early}, salt=RESULT_COOKIE_SALT, compress=True)
    if len(token) > RESULT_COOKIE_MAX_CHARS:
        return _render_result(request, checked, state, stopped_early)
    response = redirect("checker:result")
    response.status_code = 303
    response.set_cookie(RESULT_COOKIE, token, path="/check/", secure=request.is_secure(), httponly=True,
                        samesite="Lax")
    return response


def _show_handed_over_result(request: HttpRequest) -> HttpResponse:
    try:
        check = signing.loads(request.COOKIES.get(RESULT_COOKIE, ""), salt=RESULT_COOKIE_SALT,
                              max_age=RESULT_MAX_AGE_SECONDS)
    except signing.BadSignature:  # none, tampered or older than an hour: start again
        return redirect("checker:start")
    try:
        if "state" in check:
            state = load_state(str(check["state"]))
            checked = run_check(text=state.get(TEXT) or None, structured=structured_from_state(state))
        else:
            checked = run_check(text=str(check.get("text", "")))
            state = state_from_facts(checked.facts)
    except (StateError, CheckerInputError, FactsError):
        return redirect("checker:start")
    return _render_result(request, checked, state, stopped_early=bool(check.get("early")))


@never_cache
@require_http_methods(["GET", "POST"])
def guided(request: HttpRequest) -> HttpResponse:
    """The guided check: each step posts its answers with the signed answers so far."""
    if request.method == "GET":
        return _render_step(request, _step(STEPS[0], {}), {})
    try:
        state = load_state(request.POST.get("state", ""))
    except StateError as error:
        return _render_step(request, _step(STEPS[0], {}), {}, problem=error.args[0], status=400)

    goto = request.POST.get("goto", "")
    if goto in STEP_NAMES:  # "change this" from the result page, or a step link
        return _render_step(request, _step(step_form(goto), state), state)

    name = request.POST.get("step", "")
    if name not in STEP_NAMES:
        return _render_step(request, _step(STEPS[0], state), state)
    form = step_form(name)(request.POST)
    action = request.POST.get("action", "next")
    index = STEP_NAMES.index(name)

    if action == "back":
        if form.is_valid():
            state = form.to_state(state)
        previous = STEPS[max(index - 1, 0)]
        return _render_step(request, _step(previous, state), state)

    if not form.is_valid():
        return _render_step(request, form, state, status=422)
    state = form.to_state(state)
    structured = structured_from_state(state)
    try:
        facts_from_structured(structured)
    except FactsError as error:
        form.add_error(None, error.message)
        return _render_step(request, form, state, status=422)

    if action == "finish" or index == len(STEPS) - 1:
        try:
            checked = run_check(text=state.get(TEXT) or None, structured=structured)
        except CheckerInputError as error:
            message = NOTHING_GIVEN if not structured and not state.get(TEXT) else error.message
            form.add_error(None, message)
            return _render_step(request, form, state, status=422)
        return _hand_over_result(request, {"state": sign_state(state)}, checked, state)
    emergency = _emergency_so_far(state, structured)
    if emergency is not None:
        # Someone describing an emergency should not have to answer more questions first.
        return _hand_over_result(request, {"state": sign_state(state)}, emergency, state, stopped_early=True)
    return _render_step(request, _step(STEPS[index + 1], state), state)


def _step(form_class: type[StepForm], state: State) -> StepForm:
    """A step's form showing the answers so far."""
    return form_class(initial=form_class.initial_from(state))


def _emergency_so_far(state: State, structured: dict[str, object]) -> CheckResult | None:
    if not structured and not state.get(TEXT):
        return None
    try:
        checked = run_check(text=state.get(TEXT) or None, structured=structured)
    except CheckerInputError:
        return None
    # Thoughts of suicide or self-harm stop the questions too: the result page leads with the crisis lines.
    return checked if checked.triage.level == TriageLevel.EMERGENCY or checked.triage.crisis else None


def _render_step(
    request: HttpRequest, form: StepForm, state: State, problem: str = "", status: int = 200
) -> HttpResponse:
    index = STEP_NAMES.index(form.name)
    context: dict[str, object] = {
        "form": form,
        "state_token": sign_state(state),
        "step_number": index + 1,
        "step_count": len(STEPS),
        "is_first": index == 0,
        "is_last": index == len(STEPS) - 1,
        "problem": problem,
    }
    return render(request, "checker/step.html", context, status=status)


def _render_result(
    request: HttpRequest, checked: CheckResult, state: State, stopped_early: bool = False
) -> HttpResponse:
    context = {"result": build_result(checked), "state_token": sign_state(state), "steps": STEPS,
               "stopped_early": stopped_early}
    response = render(request, "checker/result.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
