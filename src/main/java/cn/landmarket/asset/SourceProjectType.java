package cn.landmarket.asset;

/** How farmland behind a compensation credit was created: 开发, 整理, 复垦, 提质改造. */
public enum SourceProjectType {
    DEVELOPMENT, CONSOLIDATION, RECLAMATION, UPGRADE
}
