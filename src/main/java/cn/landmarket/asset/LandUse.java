package cn.landmarket.asset;

/** Uses of collective operating construction land, each with its legal maximum term (configured). */
public enum LandUse {
    INDUSTRIAL, COMMERCIAL_TOURISM_ENTERTAINMENT, EDUCATION_SCIENCE_CULTURE_HEALTH_SPORTS, RESIDENTIAL, OTHER
}
