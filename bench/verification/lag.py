#!/usr/bin/env python3
"""Projection lag, end to end (issue 4: "a registration or death is visible to verification within
2 seconds; measure and report the lag").

Registers COUNT persons through POST /api/population/persons (a staff account with the registrar
role) at RATE per second; for each, from the moment its 201 came back (the registration is
committed), polls POST /api/verification/v1/verify with the person's full claims every POLL ms until
the answer is "match". The lag is that moment minus the 201's arrival; its resolution is the poll
interval plus one verify round trip. Standard library only (urllib, threads).

usage: lag.py URL STAFF_USER STAFF_PASSWORD CLIENT_ID CLIENT_SECRET NAMES_FILE VILLAGE LABEL
       [--count 200] [--rate 10] [--poll-ms 20] [--out FILE]
NAMES_FILE: tab-separated SurnameKm, GivenNameKm, SurnameLatin, GivenNameLatin lines.
Prints one RESULT line; --out writes the KIDCs registered, one a line.
"""
import argparse, json, random, threading, time, urllib.error, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

p = argparse.ArgumentParser()
for a in ("url", "user", "password", "client_id", "client_secret", "names", "village", "label"):
    p.add_argument(a)
p.add_argument("--count", type=int, default=200)
p.add_argument("--rate", type=float, default=10)
p.add_argument("--poll-ms", type=float, default=20)
p.add_argument("--timeout", type=float, default=30)
p.add_argument("--out")
args = p.parse_args()

names = [l.rstrip("\n").split("\t") for l in open(args.names, encoding="utf-8") if l.strip()]
rng = random.Random(args.label)
lock = threading.Lock()
stats = {"verify_2xx": 0, "verify_other": 0, "register_fail": 0}


def call(method, path, body=None, token=None, form=None):
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(args.url + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


status, staff = call("POST", "/api/auth/token", {"userName": args.user, "password": args.password})
assert status == 200, (status, staff)
staff_token = staff["accessToken"]
client = {"token": None, "at": 0.0}


def client_token():
    with lock:
        if time.monotonic() - client["at"] > 300:
            s, t = call("POST", "/api/verification/v1/token", form={
                "grant_type": "client_credentials", "client_id": args.client_id, "client_secret": args.client_secret})
            assert s == 200, (s, t)
            client["token"], client["at"] = t["access_token"], time.monotonic()
        return client["token"]


def one(i):
    sk, gk, sl, gl = names[rng.randrange(len(names))][:4]
    _, gk2, _, gl2 = names[rng.randrange(len(names))][:4]
    sex = rng.choice(["Male", "Female"])
    dob = "%04d-%02d-%02d" % (rng.randrange(1950, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
    body = {"surnameKm": sk, "givenNameKm": gk2, "surnameLatin": sl, "givenNameLatin": gl2, "sex": sex,
            "birthDate": dob, "birthPlaceCode": args.village, "citizenshipStatus": "CitizenByBirth",
            "residenceVillageCode": args.village, "residenceAddress": "House 1, Street 1",
            "source": "Crvs", "reason": "Benchmark: projection lag"}
    sent = time.monotonic()
    s, person = call("POST", "/api/population/persons", body, staff_token)
    committed = time.monotonic()
    if s != 201:
        with lock:
            stats["register_fail"] += 1
        return None
    verify = {"kidc": person["kidc"], "purpose": "account-opening", "userId": args.label,
              "claims": {"surnameKm": sk, "givenNameKm": gk2, "surnameLatin": sl, "givenNameLatin": gl2,
                         "sex": sex[0], "dateOfBirth": dob}}
    polls = 0
    while time.monotonic() - committed < args.timeout:
        polls += 1
        s, answer = call("POST", "/api/verification/v1/verify", verify, client_token())
        with lock:
            stats["verify_2xx" if 200 <= s < 300 else "verify_other"] += 1
        if s == 200 and answer["result"] == "match":
            seen = time.monotonic()
            return person["kidc"], (seen - committed) * 1000, (committed - sent) * 1000, polls
        if s == 200 and answer["result"] == "partial":
            raise SystemExit(f"partial answer for a fresh registration {person['kidc']}: {answer}")
        time.sleep(args.poll_ms / 1000)
    return person["kidc"], None, (committed - sent) * 1000, polls


start = time.monotonic()
results = []
with ThreadPoolExecutor(max_workers=64) as pool:
    futures = []
    for i in range(args.count):
        delay = start + i / args.rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        futures.append(pool.submit(one, i))
    results = [f.result() for f in futures]
elapsed = time.monotonic() - start

done = [r for r in results if r is not None]
lags = sorted(r[1] for r in done if r[1] is not None)
regs = sorted(r[2] for r in done)
from_sent = sorted(r[1] + r[2] for r in done if r[1] is not None)
missed = sum(1 for r in done if r[1] is None)


def pct(xs, q):
    if not xs:
        return float("nan")
    return xs[min(len(xs) - 1, int(round(q / 100 * (len(xs) - 1))))]


if args.out:
    with open(args.out, "w") as f:
        f.write("\n".join(r[0] for r in done) + "\n")
print("RESULT label=%s registered=%d failed=%d seconds=%.1f lag_p50_ms=%.0f lag_p95_ms=%.0f lag_max_ms=%.0f not_seen_in_%ds=%d "
      "from_post_p95_ms=%.0f from_post_max_ms=%.0f register_p50_ms=%.0f register_p95_ms=%.0f verify_2xx=%d verify_other=%d polls_avg=%.1f"
      % (args.label, len(done), stats["register_fail"], elapsed, pct(lags, 50), pct(lags, 95), lags[-1] if lags else float("nan"),
         args.timeout, missed, pct(from_sent, 95), from_sent[-1] if from_sent else float("nan"), pct(regs, 50), pct(regs, 95), stats["verify_2xx"], stats["verify_other"],
         sum(r[3] for r in done) / max(1, len(done))))
