"""Seeded people sheets for `zonedesk import people` (bench/run's import rows, the crash drill).

    python3 bench/gen_people.py 100000 --unit 产业发展局 > people.csv

Every row is valid: a GB 11643 ID number with the right check character (region 530102, birth
dates 1960–1999, never one the demo zone uses), a mobile number, the given unit, 编外 (contract
staff, which no 编制 quota limits, so any size imports into the demo zone).
"""
import argparse
import csv
import datetime
import random
import sys

COLUMNS = ["姓名", "身份证号", "手机号", "单位", "编制类型", "档案职务", "档案职级", "领导职务级别", "人员状态"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"


def resident_id(region, birth, sequence):
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def rows(count, unit, seed=11):
    """`count` distinct valid rows; the i-th row is the same for every count and seed."""
    rng = random.Random(seed)
    first = datetime.date(1960, 1, 1)
    days = (datetime.date(1999, 12, 31) - first).days + 1
    for i in range(count):
        birth = first + datetime.timedelta(days=i % days)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        yield [name, resident_id("530102", birth, i // days), f"139{i:08d}", unit, "编外", "", "", "", "在岗"]


def write(path_or_file, count, unit):
    out = open(path_or_file, "w", encoding="utf-8", newline="") if isinstance(path_or_file, str) else path_or_file
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows(count, unit))
    if out is not path_or_file:
        out.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--unit", default="产业发展局")
    args = parser.parse_args()
    write(sys.stdout, args.count, args.unit)
