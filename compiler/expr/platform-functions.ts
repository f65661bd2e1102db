// Platform functions pagec does not provide (SPEC §4.7). In templates a call to one is PC2004 with the hint
// "pagec does not provide this platform function"; the script analysis may reuse the list for PC3007.
export const PLATFORM_FUNCTIONS: readonly string[] = [
  "cache", "storage", "queue", "hasTag", "addTag", "removeTag", "getTags", "whitelistVisitor", "blacklistVisitor",
  "asset", "buy", "upsell", "downsell", "decline", "upsellUpgrade", "upsellCancel", "t", "getLocale", "getLocales",
  "getDefaultLocale", "getTranslation", "getTranslations", "getResolvedLanguage", "getUser", "getProduct",
  "getProducts", "getAllProducts", "getProductByCode", "productDownloads", "productSavings", "subscriptionSummary",
  "formatPrice", "getOrders", "getOrder", "getSessionOrders", "getOrderFulfillment", "getOrderFulfillments",
  "getConversions", "getBonusProducts", "getAllBonusProducts", "getPurchasedProducts", "getSubscriptions",
  "getSubscription", "hasSubscription", "countSubscriptions", "cancelSubscription", "pauseSubscription",
  "resumeSubscription", "skipSubscription", "changeSubscriptionFrequency", "getCourse", "getCourseBySlug",
  "getModuleBySlug", "getCourses", "getCoursesByCategorySlug", "getCategoriesWithCourses", "getCourseForCustomer",
  "getCoursesForCustomer", "getCompletedLessonsCount", "getCourseProgress", "getCourseLesson", "getBlog",
  "getBlogArticles", "getBlogArticle", "getBlogCategories", "getRelatedArticles", "moveCrmLead", "moveCrmToStage",
  "moveCrmToPipeline", "moveCrmToEntity", "reassignCrmReference", "CreateCrmEntry", "SetCrmRelation",
  "RemoveCrmRelation", "getCategoriesWithCoursesForCustomer", "getCoursesForCustomerByCategorySlug",
];
