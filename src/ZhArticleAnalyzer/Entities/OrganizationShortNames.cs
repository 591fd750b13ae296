namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// The model reads transliterated brand and company names as persons (罗兰西尼, 康诺亚, 卡帝诺). When the same
/// article names an organisation that starts with such a name (罗兰西尼总部, 康诺亚生物医药科技有限公司, 卡帝诺集团),
/// the name is that organisation's short name. Bodies named after a person (特拉斯政府, 盖茨基金会, 逸夫医院) keep the person.
/// </summary>
internal static class OrganizationShortNames
{
    /// <summary>Endings of organisations that are often named after a person.</summary>
    private static readonly string[] NamedAfterPersonEndings = ["政府", "基金会", "委员会", "大学", "学院", "医院", "纪念馆"];

    /// <summary>Turns the model persons of <paramref name="mentions"/> that start an organisation mention of the same article into organisations, in place.</summary>
    public static void Apply(string normalized, List<EntityCandidate> mentions)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (mention.Source == EntitySource.Model && mention.Type == EntityType.Person && StartsAnOrganization(normalized, mention.Span, mentions))
            {
                mentions[i] = mention with { Type = EntityType.Organization };
            }
        }
    }

    private static bool StartsAnOrganization(string normalized, Text.TextSpan name, List<EntityCandidate> mentions)
    {
        var text = normalized.AsSpan(name.Start, name.Length);
        foreach (var other in mentions)
        {
            if (other.Type != EntityType.Organization || other.Span.Length <= name.Length)
            {
                continue;
            }

            var organization = normalized.AsSpan(other.Span.Start, other.Span.Length);
            if (organization.StartsWith(text, StringComparison.Ordinal) && !EntityPatterns.EndsWithAny(organization, NamedAfterPersonEndings))
            {
                return true;
            }
        }

        return false;
    }
}
