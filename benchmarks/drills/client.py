"""Builds the JSON bodies the fault drills send; standard library only.

  client.py permit INITIAL_DATA_FILE NAME ID_NUMBER CERT_NUMBER   a hot-work permit for one welder
  client.py gas                                                  a passing gas reading taken two minutes ago
  client.py confirmations TASKS_FILE TASK_ID                     every risk item of a task, verified on site
  client.py ruleset-variant RULESET_FILE                         the ruleset body with a drill note in its English name
"""
import datetime
import json
import sys

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def now():
    return datetime.datetime.now(SHANGHAI).replace(microsecond=0)


def permit(initial_file, name, id_number, cert_number):
    data = json.load(open(initial_file, encoding="utf-8"))
    start = now() + datetime.timedelta(minutes=10)
    data.update({
        "applicantUnit": "维修车间", "workUnit": "维修车间", "workLeader": "leader", "guardian": "何班长",
        "workContent": "故障演练：管廊支架焊接", "location": "1# 码头管廊 3 号支架", "areaClass": "pipe-rack",
        "onRunningEquipment": False, "method": "电焊", "workStart": start.isoformat(),
        "workEnd": (start + datetime.timedelta(hours=6)).isoformat(), "openAir": True,
        "workers": [{"name": name, "idNumber": id_number, "certNumber": cert_number}],
        "riskIdentification": "管廊邻近 LNG 管线，可燃气体泄漏着火风险",
        "briefing": {"givenBy": "王建国", "receivedBy": "李强"},
    })
    for measure in data["safetyMeasures"]:
        measure["applies"] = False
    data["safetyMeasures"][0].update({"applies": True, "confirmedBy": "何班长"})
    return {"type": "hot-work", "data": data}


def gas():
    return {"detectorId": "GD-07", "measuredAt": (now() - datetime.timedelta(minutes=2)).isoformat(),
            "oxygenPercentVol": "20.9", "coPpm": "0", "h2sPpm": "0",
            "flammable": {"value": 5, "unit": "%LEL", "gas": "甲烷"}, "sensorFault": False,
            "calibratedOn": "2026-10-01"}


def confirmations(tasks_file, task_id):
    task = next(t for t in json.load(open(tasks_file, encoding="utf-8")) if t["taskId"] == task_id)
    return [{"itemCode": item["code"], "decision": "VERIFIED_ON_SITE", "note": "演练现场核查"}
            for item in task["riskItems"]]


def ruleset_variant(ruleset_file):
    body = json.load(open(ruleset_file, encoding="utf-8"))
    body["name"]["en"] = body["name"]["en"].split(" (fault drill")[0] + " (fault drill " + now().isoformat() + ")"
    return body


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    out = {"permit": permit, "gas": gas, "confirmations": confirmations, "ruleset-variant": ruleset_variant}[command](*args)
    print(json.dumps(out, ensure_ascii=False))
