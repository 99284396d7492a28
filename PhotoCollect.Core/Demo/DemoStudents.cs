using System.Globalization;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Demo;

/// <summary>The demo students: a WeChat account and a 学籍 record each, with fictitious but well-formed details.</summary>
internal static class DemoStudents
{
    private static readonly string[] Names =
    [
        "孙小芳", "李明轩", "王思雨", "张子涵", "刘浩然", "陈雨桐", "杨博文", "赵欣怡", "黄俊杰", "周梓萱",
        "吴宇航", "徐诗涵", "孙嘉怡", "胡一鸣", "朱晓彤", "高子墨", "林若曦", "何志强", "郭佳琪", "马天宇",
        "罗梦瑶", "梁晨阳", "宋雅婷", "郑凯文", "谢婉清", "韩雪", "唐睿", "冯嘉豪", "于静怡", "董天佑",
        "萧雨萌", "程子健", "曹欣然", "袁博", "邓雅雯", "许晨曦", "傅明哲", "沈佳宁", "曾浩宇", "彭思琪",
    ];

    private static readonly string[] Majors = ["计算机科学与技术", "软件工程", "电子信息工程", "机械设计制造及其自动化", "工商管理", "会计学"];

    /// <summary>Student number <paramref name="index"/> of <paramref name="batch"/>, signed up at <paramref name="at"/>; the record holds its account.</summary>
    public static StudentRecord Create(int index, CollectionBatch batch, PersonalDataProtector protector, DateTimeOffset at)
    {
        var account = new StudentAccount
        {
            OpenId = $"demo-openid-{index:D3}",
            Nickname = "同学" + (index + 1).ToString(CultureInfo.InvariantCulture),
            Phone = $"138{index:D4}{(index * 7919) % 10000:D4}",
            ConsentVersion = "2026-09",
            ConsentedAt = at,
            ProfileCompletedAt = at,
            CreatedAt = at,
            LastLoginAt = at,
        };
        var record = new StudentRecord
        {
            StudentAccount = account,
            ChsiStudentId = "DEMO" + (20270000 + index).ToString(CultureInfo.InvariantCulture),
            Name = Names[index % Names.Length],
            IdNumberCipher = "",
            IdNumberIndex = "",
            IdNumberMasked = "",
            SchoolName = DemoDataSeeder.SchoolName,
            SchoolCode = DemoDataSeeder.SchoolCode,
            StudentNo = "2023" + (10000 + index).ToString(CultureInfo.InvariantCulture),
            Major = Majors[index % Majors.Length],
            EducationLevel = batch.Type == CollectionType.Centralised ? "本科" : "专科",
            EducationCategory = "普通全日制",
            GraduationYear = 2027,
            ContactEmail = $"student{index}@example.com",
            ContactPhone = account.Phone,
            CreatedAt = at,
        };
        protector.SetIdNumber(record, IdNumber(index));
        return record;
    }

    /// <summary>A well-formed (checksummed) but fictitious ID number; region 110105 is Beijing Chaoyang.</summary>
    private static string IdNumber(int index)
    {
        var birth = new DateOnly(2004, 1, 1).AddDays(index * 37 % 700);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110105{birth:yyyyMMdd}{(100 + index) % 1000:D3}");
        return first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
    }
}
